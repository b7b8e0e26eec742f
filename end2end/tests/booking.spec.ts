import { expect, test, type Browser, type Page } from '@playwright/test';
import { choose, expectAccessible, expectAccessibleWithoutJs, privateLinkSentTo, expectIslandsLive } from './support';

// A family books an appointment from a service page, as a new user would: by the visible labels,
// checking every step with axe-core (in a copy of the page when JavaScript is off).

type Check = (page: Page) => Promise<void>;

async function bookFromTheServicePage(page: Page, check: Check, email: string) {
  await page.goto('/servizi/aiuti-economici-e-assegni');
  await page.getByRole('link', { name: 'Prenota un appuntamento' }).first().click();

  await expect(page.getByRole('heading', { name: 'Scegli il giorno' })).toBeVisible();
  await expect(page.getByText('Aiuti economici, assegni e contributi')).toBeVisible();
  await check(page);
  // The month shows which days still have free times; pick the first.
  await page.getByRole('link', { name: /orari? liber/ }).first().click();

  await expect(page.getByRole('group', { name: /^Orari liberi di / })).toBeVisible();
  await check(page);
  const times = page.getByRole('group', { name: /^Orari liberi di / });
  const firstTime = (await times.locator('label').first().textContent()) ?? '';
  await choose(page, firstTime);
  await page.getByRole('button', { name: 'Avanti' }).click();

  await expect(page.getByRole('heading', { name: 'I tuoi dati' })).toBeVisible();
  // A mistake first: nothing typed is lost, every error is next to its field.
  await page.getByLabel('Nome', { exact: true }).fill('Giulia');
  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(page.getByRole('heading', { name: /dati da correggere/ })).toBeVisible();
  await expect(page.getByText('Scrivi il cognome.').first()).toBeVisible();
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue('Giulia');
  await check(page);

  await page.getByLabel('Cognome').fill('Esposito');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Di cosa vuoi parlare').fill("Vorrei sapere se posso chiedere l'assegno di maternità");
  await choose(page, /Ho letto l'informativa/);
  await page.getByRole('button', { name: 'Continua' }).click();

  await expect(page.getByRole('heading', { name: 'Controlla e conferma' })).toBeVisible();
  await expect(page.getByText('Giulia Esposito')).toBeVisible();
  await check(page);
  await page.getByRole('button', { name: 'Conferma la prenotazione' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Prenotazione confermata' })).toBeVisible();
  await expect(page.getByText(/^[A-HJ-NP-Z2-9]{8}$/)).toBeVisible();
  // Nothing typed is shown again: the page's address may stay in a shared computer's history.
  await expect(page.getByText(email)).toHaveCount(0);
  await check(page);
}

/** Opens the private link from the confirmation email, moves the appointment, then cancels it. */
async function moveThenCancel(page: Page, check: Check, email: string) {
  await page.goto(await privateLinkSentTo(email));
  await expect(page.getByRole('heading', { level: 1, name: 'Il tuo appuntamento' })).toBeVisible();
  await check(page);

  await page.getByRole('link', { name: "Sposta l'appuntamento" }).click();
  await expect(page.getByRole('heading', { name: "Sposta l'appuntamento" })).toBeVisible();
  await check(page);
  await page.getByRole('link', { name: /orari? liber/ }).last().click();
  const newTimes = page.getByRole('group', { name: /^Orari liberi di / });
  const newTime = (await newTimes.locator('label').last().textContent()) ?? '';
  await choose(page, newTime);
  await page.getByRole('button', { name: 'Sposta a questo orario' }).click();
  await expect(page.getByText('Appuntamento spostato.')).toBeVisible();
  await expect(page.getByText(newTime.replace('dalle', '').split(' alle ')[0].trim()).first()).toBeVisible();
  await check(page);

  await page.getByRole('button', { name: "Annulla l'appuntamento" }).click();
  await expect(page.getByText('Appuntamento annullato.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Prenota un nuovo appuntamento' })).toBeVisible();
  await check(page);
}

test.describe('with JavaScript', () => {
  // Whatever the test did, the page it ends on ran the islands.
  test.afterEach(async ({ page }) => expectIslandsLive(page));

  test('a parent books an appointment from a service page, moves it, then cancels it', async ({ page }) => {
    const email = 'giulia.esposito@example.it';
    await bookFromTheServicePage(page, expectAccessible, email);
    await moveThenCancel(page, expectAccessible, email);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same booking, move and cancellation work with plain forms', async ({ page, browser }) => {
    // Eight pages, each checked by axe-core in a second browser context: the longest test.
    test.setTimeout(60_000);
    const email = 'marco.ferri@example.it';
    const check = (p: Page) => expectAccessibleWithoutJs(p, browser as Browser);
    await bookFromTheServicePage(page, check, email);
    await moveThenCancel(page, check, email);
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('every step fits the screen', async ({ page }) => {
    await page.goto('/prenota');
    await choose(page, /Segretariato Sociale/);
    await page.getByRole('button', { name: 'Avanti' }).click();
    await expect(page.getByRole('group', { name: /Di che cosa vuoi parlare/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await choose(page, /Non so/);
    await page.getByRole('button', { name: 'Avanti' }).click();
    await expect(page.getByRole('heading', { name: 'Scegli il giorno' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  });
});

test('a parent who lost the email asks for a new link', async ({ page }) => {
  await page.goto('/prenota/ritrova');
  await expect(page.getByRole('heading', { level: 1, name: 'Hai perso il collegamento?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Mandami un nuovo collegamento' }).click();
  await expect(page.getByRole('heading', { name: /dati da correggere/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Codice della prenotazione').fill('K7MP3XQ9');
  await page.getByLabel('Email o telefono').fill('nessuno@example.it');
  await page.getByRole('button', { name: 'Mandami un nuovo collegamento' }).click();
  await expect(page.getByRole('status')).toContainText('ti abbiamo mandato');
  await expectAccessible(page);
});
