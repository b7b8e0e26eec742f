import { expect, test } from '@playwright/test';
import { expectAccessible, expectAccessibleWithoutJs } from './support';

test('a parent finds the economic aid by searching and reaches its booking action', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Servizi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Servizi' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Cerca un servizio').fill('aiuto economico');
  await page.getByRole('button', { name: 'Cerca' }).click();
  await expect(page.getByRole('status')).toContainText('servizi trovati');
  await page.getByRole('link', { name: 'Aiuti economici e assegni' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aiuti economici e assegni');
  await expect(page.getByRole('heading', { name: 'Cosa serve' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.locator('[data-element="service-file"]')).toHaveAttribute('href', '/condizioni-di-servizio');
  await page.getByRole('link', { name: 'Accedi al servizio' }).click();
  await page.locator('[data-element="service-booking-access"]').click();
  await expect(page).toHaveURL(/\/prenota\?servizio=aiuti-economici-e-assegni$/);
  // The booking flow opens with this service's office and topic chosen.
  await expect(page.getByRole('heading', { name: 'Scegli il giorno' })).toBeVisible();
  await expect(page.getByText('Aiuti economici, assegni e contributi')).toBeVisible();
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('filtering by category works and keeps the choice', async ({ page, browser }) => {
    await page.goto('/servizi');
    await page.getByLabel('Categoria').selectOption('Vita lavorativa');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await expect(page.getByRole('status')).toHaveText('1 servizio trovato.');
    await expect(page.getByLabel('Categoria')).toHaveValue('Vita lavorativa');
    await expectAccessibleWithoutJs(page, browser);
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ['/servizi', '/servizi/affido-familiare', '/prenota']) {
    test(`${path} fits the screen`, async ({ page }) => {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAccessible(page);
    });
  }
});
