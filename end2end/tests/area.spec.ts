import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

// The families' personal area: a parent finds it from any page's header, signs in with SPID through
// the test identity provider (a real OpenID Connect provider: scripts/identity-provider), lands on
// their area, and signs out; every page of ours on the way passes axe.

test('a parent signs in to the personal area with SPID and signs out', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Area personale' }).click();
  await expect(page).toHaveURL(/\/area-personale\/accedi$/);
  await expect(page.getByRole('heading', { level: 1, name: "Accedi all'area personale" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  // The provider's own page: who to be.
  await expect(page.getByRole('heading', { name: 'Identità di prova' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Codice fiscale').fill('RSSMRA80A41H501Y');
  await page.getByLabel('Nome').fill('Maria');
  await page.getByLabel('Cognome').fill('Rossi');
  await page.getByRole('button', { name: 'Entra con questa identità' }).click();

  await expect(page).toHaveURL(/\/area-personale$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Area personale' })).toBeVisible();
  await expect(page.getByText('Maria Rossi')).toBeVisible();
  await expect(page.getByText('RSSMRA80A41H501Y')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByText("Sei uscito dall'area personale")).toBeVisible();
  await expectAccessible(page);
  await page.goto('/area-personale');
  await expect(page).toHaveURL(/\/area-personale\/accedi$/);
});
