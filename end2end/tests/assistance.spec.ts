import { expect, test, type Page } from '@playwright/test';
import { choose, expectAccessible, expectAccessibleWithoutJs, waitForHydration } from './support';

async function fillAssistanceForm(page: Page, email: string) {
  await page.getByLabel('Nome', { exact: true }).fill('Giulia');
  await page.getByLabel('Cognome', { exact: true }).fill("D'Angelo");
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Argomento').selectOption({ label: 'Informazioni sui servizi' });
  await page.getByLabel('Messaggio').fill('Come si chiede il sostegno educativo?');
}

test.describe('with JavaScript', () => {
  test('the page counts characters as you type and shows errors without reloading', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Richiedi assistenza' }).click();
    await waitForHydration(page);

    // Only the hydrated page has the live counter.
    await page.getByLabel('Messaggio').fill('Buongiorno');
    await expect(page.getByText('Hai scritto 10 caratteri su 1000.')).toBeVisible();

    // A wrong email: the errors appear in place, no page load, and focus moves to the summary.
    await page.evaluate(() => ((window as unknown as { stayedHere: boolean }).stayedHere = true));
    await fillAssistanceForm(page, 'giulia@');
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    const summary = page.getByRole('heading', { name: /da correggere/ });
    await expect(summary).toBeVisible();
    await expect(page.locator('.riepilogo-errori')).toBeFocused();
    await expect(page.locator('#campo-email-errore')).toContainText('Scrivi un indirizzo email completo');
    expect(await page.evaluate(() => (window as unknown as { stayedHere?: boolean }).stayedHere)).toBe(true);
    await expectAccessible(page);

    // Corrected, it goes through and the confirmation is a page of its own, loaded as such (its
    // title announced, the back button as after any form).
    await page.getByLabel('Email', { exact: true }).fill('giulia.dangelo@example.it');
    await choose(page, /Ho letto l'informativa/);
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await expect(page).toHaveURL(/\/assistenza\/inviata$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richiesta inviata');
    await expectAccessible(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same form works: errors next to the fields, everything typed kept', async ({ page, browser }) => {
    await page.goto('/assistenza');
    await expect(page.getByText(/Hai scritto/)).toHaveCount(0);
    await fillAssistanceForm(page, 'giulia@');
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();

    await expect(page.getByRole('heading', { name: 'Ci sono 2 dati da correggere' })).toBeVisible();
    await expect(page.locator('#campo-email-errore')).toContainText('Scrivi un indirizzo email completo');
    await expect(page.locator('#campo-privacy-errore')).toContainText("conferma di aver letto l'informativa");
    await expect(page.getByLabel('Nome', { exact: true })).toHaveValue('Giulia');
    await expect(page.getByLabel('Cognome', { exact: true })).toHaveValue("D'Angelo");
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue('giulia@');
    await expect(page.getByLabel('Argomento')).toHaveValue('servizi');
    await expect(page.getByLabel('Messaggio')).toHaveValue('Come si chiede il sostegno educativo?');
    await expectAccessibleWithoutJs(page, browser);

    await page.getByLabel('Email', { exact: true }).fill('giulia.dangelo@example.it');
    await choose(page, /Ho letto l'informativa/);
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await expect(page).toHaveURL(/\/assistenza\/inviata$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richiesta inviata');
    await expectAccessibleWithoutJs(page, browser);
  });
});
