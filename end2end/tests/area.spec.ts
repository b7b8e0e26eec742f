import { expect, test } from '@playwright/test';
import { choose, expectAccessible } from './support';

// The families' personal area: a parent finds it from any page's header, signs in with SPID through
// the test identity provider (a real OpenID Connect provider: scripts/identity-provider), books from
// their area with their details filled in, finds the appointment there and cancels it, and signs
// out; every page on the way passes axe.

test('a parent signs in with SPID, books from the area, cancels there and signs out', async ({ page }) => {
  test.setTimeout(60_000);
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
  await page.getByLabel('Nome', { exact: true }).fill('Maria');
  await page.getByLabel('Cognome').fill('Rossi');
  await page.getByLabel('Email').fill('maria.rossi@example.it');
  await page.getByRole('button', { name: 'Entra con questa identità' }).click();

  await expect(page).toHaveURL(/\/area-personale$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Area personale' })).toBeVisible();
  await expect(page.getByText('Maria Rossi')).toBeVisible();
  await expect(page.getByText('RSSMRA80A41H501Y')).toBeVisible();
  await expect(page.getByText('Non hai appuntamenti in programma')).toBeVisible();
  await expectAccessible(page);

  // A booking from the area: the details step already knows who she is.
  await page.getByRole('link', { name: 'Prenota un nuovo appuntamento' }).click();
  await choose(page, /Segretariato Sociale/);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await choose(page, /Non so/);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.getByRole('link', { name: /orari? liber/ }).first().click();
  const times = page.getByRole('group', { name: /^Orari liberi di / });
  await choose(page, (await times.locator('label').first().textContent()) ?? '');
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByRole('heading', { name: 'I tuoi dati' })).toBeVisible();
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue('Maria');
  await expect(page.getByLabel('Cognome')).toHaveValue('Rossi');
  await expect(page.getByLabel('Email')).toHaveValue('maria.rossi@example.it');
  await expect(page.getByLabel('Codice fiscale')).toHaveValue('RSSMRA80A41H501Y');
  await expectAccessible(page);
  await page.getByLabel('Di cosa vuoi parlare').fill('Vorrei un consiglio per mio figlio');
  await choose(page, /Ho letto l'informativa/);
  await page.getByRole('button', { name: 'Continua' }).click();
  await page.getByRole('button', { name: 'Conferma la prenotazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prenotazione confermata' })).toBeVisible();
  const code = (await page.getByText(/^[A-HJ-NP-Z2-9]{8}$/).textContent()) ?? '';

  // Back in the area, the appointment is there; cancelled from there.
  await page.getByRole('link', { name: 'Area personale' }).click();
  await page.getByRole('link', { name: `Vedi, sposta o annulla l'appuntamento ${code}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il tuo appuntamento' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: "Annulla l'appuntamento" }).click();
  await expect(page.getByText('Appuntamento annullato.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: "Torna all'area personale" }).click();
  await expect(page.getByRole('heading', { name: 'Appuntamenti passati o annullati' })).toBeVisible();

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByText("Sei uscito dall'area personale")).toBeVisible();
  await expectAccessible(page);
  await page.goto('/area-personale');
  await expect(page).toHaveURL(/\/area-personale\/accedi$/);
});
