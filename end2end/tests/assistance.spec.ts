import { expect, test, type Page } from '@playwright/test';
import { choose, expectAccessible, expectAccessibleWithoutJs, expectIslandsLive, waitForHydration } from './support';

async function fillAssistanceForm(page: Page, email: string) {
  await page.getByLabel('Nome', { exact: true }).fill('Giulia');
  await page.getByLabel('Cognome', { exact: true }).fill("D'Angelo");
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Argomento').selectOption({ label: 'Informazioni sui servizi' });
  await page.getByLabel('Messaggio').fill('Come si chiede il sostegno educativo?');
}

test.describe('with JavaScript', () => {
  test('the page counts characters as you type, and a form sent back puts the focus on its errors', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Richiedi assistenza' }).click();
    await waitForHydration(page);

    // Only a page whose islands are live has the live counter.
    await page.getByLabel('Messaggio').fill('Buongiorno');
    await expect(page.getByText('Hai scritto 10 caratteri su 1000.')).toBeVisible();

    // A wrong email: the form is posted like any form, the page comes back with the errors, and
    // the focus is on their summary, so a screen reader reads it first.
    await fillAssistanceForm(page, 'giulia@');
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await expect(page.getByRole('heading', { name: /da correggere/ })).toBeVisible();
    await expectIslandsLive(page);
    await expect(page.locator('.riepilogo-errori')).toBeFocused();
    await expect(page.locator('#campo-email-errore')).toContainText('Scrivi un indirizzo email completo');
    // What was typed is still there, and counted.
    await expect(page.getByText('Hai scritto 37 caratteri su 1000.')).toBeVisible();
    await expectAccessible(page);

    // Corrected, it goes through to the confirmation page.
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
