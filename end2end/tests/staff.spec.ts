import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, totpCode } from './support';

// The back office, as each role meets it on the first morning: sign in, reach the home page.

async function signIn(page: Page, user: string, password: string) {
  await page.goto('/operatori');
  await expect(page.getByRole('heading', { name: 'Accesso operatori' })).toBeVisible();
  await page.getByLabel('Nome utente').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

test('the sign-in page is accessible and refuses wrong credentials in plain words', async ({ page }) => {
  await page.goto('/operatori');
  await expectAccessible(page);
  await signIn(page, 'sportello', 'non-è-questa');
  await expect(page.getByText('Nome utente, password o codice di verifica non corretti').first()).toBeVisible();
  await expect(page.getByLabel('Nome utente')).toHaveValue('sportello');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expectAccessible(page);
});

for (const [user, password, name] of [
  ['sportello', 'prova-sportello-2026', 'Sara Sportello'],
  ['assistente', 'prova-assistente-2026', 'Andrea Assistente'],
  ['coordinatrice', 'prova-coordinatrice-2026', 'Carla Coordinatrice'],
]) {
  test(`${user} signs in, reaches the home page and signs out`, async ({ page }) => {
    await signIn(page, user, password);
    await expect(page.getByRole('heading', { name: `Buongiorno, ${name}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: "Sicurezza dell'account" }).first().click();
    await expect(page.getByRole('heading', { name: "Sicurezza dell'account" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Esci' }).click();
    await expect(page.getByText("Sei uscito dall'area operatori.")).toBeVisible();
  });
}

test('the front desk sees the emails that could not be delivered', async ({ page }) => {
  await signIn(page, 'sportello', 'prova-sportello-2026');
  await page.getByRole('link', { name: 'Email non recapitate' }).first().click();
  await expect(page.getByRole('heading', { name: 'Email non recapitate' })).toBeVisible();
  await expectAccessible(page);
});

test('the administrator enrols the second factor, then checks the audit trail', async ({ page }) => {
  await signIn(page, 'admin', 'amministra-la-prova-2026');
  await expect(page.getByRole('heading', { name: 'Buongiorno, Amministratore' })).toBeVisible();
  await page.getByRole('link', { name: 'Attiva il codice di verifica.' }).click();
  await expect(page.getByRole('img', { name: /Codice QR/ })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.locator('code.chiave-totp').textContent()) ?? '';
  await page.getByLabel('Codice di verifica').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Attiva il codice di verifica' }).click();
  await expect(page.getByText('Codice di verifica attivato')).toBeVisible();

  await page.getByRole('link', { name: 'Registro degli accessi' }).first().click();
  await expect(page.getByRole('heading', { name: 'Registro degli accessi' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'sicurezza.totp' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: "Verifica l'integrità" }).click();
  await expect(page.getByText(/Registro integro: \d+ righe controllate/)).toBeVisible();
  await expectAccessible(page);

  // A new colleague at the front desk.
  await page.getByRole('link', { name: 'Utenti' }).first().click();
  await expect(page.getByRole('heading', { name: 'Utenti del personale' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nome utente').fill('luca.verdi');
  await page.getByLabel('Nome e cognome').fill('Luca Verdi');
  await page.getByLabel('Ruolo').selectOption({ label: 'Operatore di sportello' });
  await page.getByLabel('Sede').selectOption({ index: 1 });
  await page.getByRole('button', { name: "Crea l'account" }).click();
  await expect(page.getByText('Password provvisoria per luca.verdi')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Luca Verdi' })).toBeVisible();
  await expectAccessible(page);
});
