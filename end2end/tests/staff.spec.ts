import { expect, test, type Page } from '@playwright/test';
import { choose, expectAccessible, totpCode } from './support';

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

// With `--demo` the server made a working day: each account's home page shows its work.
const DEMO_SURNAMES = /Inventata|Fittizio|Esempio|Immaginario|Prova|Campione|Finzione|Modello|Ipotetico|Simulato|Fantasia|Supposto/;

for (const [user, password, name, work] of [
  ['sportello', 'prova-sportello-2026', 'Sara Sportello', 'the agenda has families'],
  ['assistente', 'prova-assistente-2026', 'Andrea Assistente', "a court report is due"],
  ['coordinatrice', 'prova-coordinatrice-2026', 'Carla Coordinatrice', 'the unit has requests waiting'],
]) {
  test(`${user} signs in, finds work on the home page (${work}) and signs out`, async ({ page }) => {
    await signIn(page, user, password);
    await expect(page.getByRole('heading', { name: `Buongiorno, ${name}` })).toBeVisible();
    if (user === 'sportello') {
      await expect(page.getByRole('main').getByText(DEMO_SURNAMES).first()).toBeVisible();
    } else if (user === 'assistente') {
      await expect(page.getByRole('main').getByRole('link', { name: /Caso n\. \d+/ }).first()).toBeVisible();
      await expect(page.getByRole('main').getByText(DEMO_SURNAMES).first()).toBeVisible();
    } else {
      await page.getByRole('link', { name: 'Cruscotto' }).first().click();
      await expect(page.getByRole('main').getByText('Di cui urgenti: 1')).toBeVisible();
      await page.goto('/operatori');
    }
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
  // One administrator's morning, in one session: each sign-in needs a fresh authenticator code.
  test.setTimeout(120_000);
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
  await expect(page.getByRole('cell', { name: 'Proprio secondo fattore attivato' })).toBeVisible();
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
  await page.getByLabel('Ruolo', { exact: true }).selectOption({ label: 'Operatore di sportello' });
  await page.getByLabel('Sede (facoltativo)', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: "Crea l'account" }).click();
  await expect(page.getByText('Password provvisoria per luca.verdi')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Luca Verdi' })).toBeVisible();
  await expectAccessible(page);

  // Which roles must use the second factor: tried, then put back as it was.
  const policy = page.getByRole('region', { name: 'Codice di verifica obbligatorio' });
  await choose(policy, 'Assistente sociale');
  await policy.getByRole('button', { name: 'Salva' }).click();
  await expect(policy.getByLabel('Assistente sociale')).toBeChecked();
  await expectAccessible(page);
  await policy.locator('label', { hasText: 'Assistente sociale' }).click({ position: { x: 10, y: 12 } });
  await policy.getByRole('button', { name: 'Salva' }).click();
  await expect(policy.getByLabel('Assistente sociale')).not.toBeChecked();

  // A summer closure, far enough ahead that nobody has booked yet.
  await page.getByRole('link', { name: 'Sedi e orari' }).first().click();
  await expect(page.getByRole('heading', { name: 'Sedi e orari' })).toBeVisible();
  await expectAccessible(page);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Primo giorno di chiusura').fill(day(200));
  await page.getByLabel('Ultimo giorno di chiusura').fill(day(205));
  await page.getByLabel('Motivo').fill('inventario dell\'archivio');
  await page.getByRole('button', { name: 'Controlla gli appuntamenti' }).click();
  await expect(page.getByText('Nessun appuntamento cade in questi giorni.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Conferma la chiusura' }).click();
  await expect(page.getByText('Chiusura registrata.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: "inventario dell'archivio" })).toBeVisible();
  await expectAccessible(page);

  // A comune joins the service.
  await page.getByRole('link', { name: 'Comuni, unità e argomenti' }).first().click();
  await expect(page.getByRole('heading', { name: 'Comuni, unità e argomenti' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nome del comune').fill('Cusano Milanino');
  await page.getByLabel('Provincia').fill('MI');
  await page.getByLabel('Codice catastale').fill('D231');
  await page.getByRole('button', { name: 'Salva il comune' }).click();
  await expect(page.getByText('Modifica salvata.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Cusano Milanino', exact: true })).toBeVisible();
  await expectAccessible(page);

  // The legal notes, previewed before publishing.
  await page.getByRole('link', { name: 'Pagine del sito' }).first().click();
  await expect(page.getByRole('heading', { name: 'Pagine del sito' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Modifica Note legali' }).click();
  await expect(page.getByRole('heading', { name: 'Modifica: Note legali' })).toBeVisible();
  await page.getByRole('button', { name: 'Anteprima' }).click();
  await expect(page.getByRole('heading', { name: 'Anteprima (non ancora pubblicata)' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Pubblica le modifiche' }).click();
  await expect(page.getByText('Il testo non era cambiato')).toBeVisible();

  // The legal notes in Spanish: the Italian beside each field, a preview, published, its review by
  // a native speaker recorded.
  await page.getByRole('link', { name: 'Traduzioni delle pagine' }).first().click();
  await expect(page.getByRole('heading', { name: 'Traduzioni delle pagine' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Note legali, Spagnolo: Da tradurre' }).click();
  await expect(page.getByRole('heading', { name: 'Note legali: traduzione in spagnolo' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Titolo', { exact: true }).fill('Aviso legal');
  await page.getByLabel('Descrizione breve', { exact: true }).fill('Quién gestiona este sitio y cómo puedes usar sus contenidos.');
  await page.getByLabel('Testo della pagina', { exact: true }).fill('## Quién gestiona el sitio\n\nEl **Servicio Social** gestiona este sitio.');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  await expect(page.getByRole('heading', { name: 'Anteprima (non ancora pubblicata)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quién gestiona el sitio' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Pubblica la traduzione' }).click();
  await expect(page.getByText('Traduzione pubblicata')).toBeVisible();
  await page.getByLabel("Chi l'ha riletta").fill('Lucía Fernández, mediadora cultural');
  await page.getByRole('button', { name: 'Registra la revisione' }).click();
  await expect(page.getByText('Revisione registrata.')).toBeVisible();
  await expect(page.getByRole('cell', { name: /Lucía Fernández, mediadora cultural/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Valutazioni delle pagine' }).first().click();
  await expect(page.getByRole('heading', { name: 'Valutazioni delle pagine' })).toBeVisible();
  await expectAccessible(page);

  // A citizen reads the legal notes in Spanish: the translation, without the notice.
  await page.goto('/es/note-legali');
  await expect(page.getByRole('heading', { level: 1, name: 'Aviso legal' })).toBeVisible();
  await expect(page.getByText('Esta página todavía no está traducida')).toHaveCount(0);
});

test('the front desk books for a caller without email and finds the appointment in the agenda', async ({ page }) => {
  await signIn(page, 'sportello', 'prova-sportello-2026');
  await expect(page.getByRole('heading', { name: /^Agenda di oggi/ })).toBeVisible();
  await expectAccessible(page);

  // The phone rings: the same steps as the public site, offering the desk today's times too.
  await page.getByRole('link', { name: 'Nuova prenotazione telefonica' }).click();
  const topics = page.getByRole('group', { name: 'Di che cosa vuoi parlare?' });
  await choose(topics, 'Difficoltà con i figli o in famiglia');
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.getByRole('link', { name: /orari? liber/ }).first().click();
  const times = page.getByRole('group', { name: /^Orari liberi di / });
  const day = (await times.locator('legend').textContent()) ?? '';
  const firstTime = (await times.locator('label').first().textContent()) ?? '';
  await choose(page, firstTime);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.getByLabel('Nome', { exact: true }).fill('Mario');
  await page.getByLabel('Cognome').fill('Bianchi');
  await page.getByLabel('Telefono').fill('333 111 2222');
  await choose(page, /Ho letto l'informativa/);
  await page.getByRole('button', { name: 'Continua' }).click();
  await page.getByRole('button', { name: 'Conferma la prenotazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prenotazione confermata' })).toBeVisible();
  const code = (await page.getByText(/^[A-HJ-NP-Z2-9]{8}$/).textContent()) ?? '';
  expect(code).toHaveLength(8);
  await expectAccessible(page);

  // Back to the agenda, on the day of the appointment.
  await page.goto('/operatori/agenda');
  const isoDay = day.match(/(\d+) (\w+) (\d{4})/);
  expect(isoDay, `the day in "${day}"`).not.toBeNull();
  const months = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
  const [, dd, month, yyyy] = isoDay!;
  const iso = `${yyyy}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${dd.padStart(2, '0')}`;
  await page.getByLabel('Vai al giorno').fill(iso);
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page.getByText(`Codice ${code}`)).toBeVisible();
  await expect(page.getByText('(prenotato al telefono)')).toBeVisible();
  await expectAccessible(page);
});

test('the front desk registers a spontaneous request and moves it to the right unit', async ({ page }) => {
  await signIn(page, 'sportello', 'prova-sportello-2026');
  await page.getByRole('link', { name: 'Richieste' }).first().click();
  await expect(page.getByRole('heading', { name: 'Richieste registrate' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Richiesta spontanea' }).click();
  await expect(page.getByRole('heading', { name: /Nuova richiesta/ })).toBeVisible();
  await expectAccessible(page);

  // A mistake first: no unit chosen. Nothing typed is lost.
  await page.getByLabel('Comune di residenza della famiglia').selectOption({ label: 'Cinisello Balsamo' });
  const parent = page.getByRole('group', { name: 'Persona 1' });
  await parent.getByLabel(/^Ruolo/).selectOption({ label: 'Genitore' });
  await parent.getByLabel(/^Nome/).fill('Giulia');
  await parent.getByLabel(/^Cognome/).fill('Esposito');
  await parent.getByLabel(/^Data di nascita/).fill('1988-06-14');
  const child = page.getByRole('group', { name: 'Persona 2' });
  await child.getByLabel(/^Nome/).fill('Marco');
  await child.getByLabel(/^Cognome/).fill('Esposito');
  await child.getByLabel(/^Data di nascita/).fill('2016-09-01');
  await page.getByLabel('Bisogno').selectOption({ label: 'Aiuti economici, assegni e contributi' });
  await page.getByLabel('Urgenza').selectOption({ label: 'Ordinaria' });
  await page.getByRole('button', { name: 'Registra la richiesta' }).click();
  await expect(page.getByRole('heading', { name: /dato da correggere/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Persona 1' }).getByLabel(/^Nome/)).toHaveValue('Giulia');
  await expectAccessible(page);

  await page.getByLabel('Unità a cui va la richiesta').selectOption({ label: 'Servizio Minori e Famiglia' });
  await page.getByRole('button', { name: 'Registra la richiesta' }).click();
  await expect(page.getByText('Richiesta registrata.')).toBeVisible();
  await expect(page.getByText('In coda')).toBeVisible();
  await expectAccessible(page);

  // The need is economic: the Welfare Generativo unit should follow it.
  await page.getByLabel('Nuova unità').selectOption({ label: 'U.O. Welfare Generativo' });
  await page.getByLabel('Motivo').fill('Il bisogno è soprattutto economico');
  await page.getByRole('button', { name: 'Sposta la richiesta' }).click();
  await expect(page.getByText(/Motivo: Il bisogno è soprattutto economico/)).toBeVisible();
  await expectAccessible(page);
});

test('a social worker opens the unit queue', async ({ page }) => {
  await signIn(page, 'assistente', 'prova-assistente-2026');
  await page.getByRole('link', { name: "Coda dell'unità" }).first().click();
  await expect(page.getByRole('heading', { name: 'Coda: Servizio Minori e Famiglia' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Prendi il prossimo' }).click();
  await expect(page.getByText(/Non ci sono richieste in attesa|Hai preso in carico la richiesta/)).toBeVisible();
  await expectAccessible(page);
});

test('the coordinator sees the queue with the assigned requests', async ({ page }) => {
  await signIn(page, 'coordinatrice', 'prova-coordinatrice-2026');
  await page.getByRole('link', { name: "Coda dell'unità" }).first().click();
  await expect(page.getByRole('heading', { name: 'Coda: Servizio Minori e Famiglia' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Richieste assegnate' })).toBeVisible();
  await expectAccessible(page);
});

test("the back office has its own frame, and the day's agenda prints on A4 without the menus", async ({ page }) => {
  await signIn(page, 'sportello', 'prova-sportello-2026');
  await expect(page.getByRole('heading', { name: 'Buongiorno, Sara Sportello' })).toBeVisible();
  // No citizens' emergency notice or public footer in the staff's own frame.
  await expect(page.getByRole('complementary', { name: 'Numeri di emergenza' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Menu principale' })).toHaveCount(0);
  const menu = page.getByRole('navigation', { name: "Menu dell'area operatori" });
  await expect(menu.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'Utenti del personale' })).toHaveCount(0);
  await menu.getByRole('link', { name: 'Agenda della sede' }).click();
  await expect(menu.getByRole('link', { name: 'Agenda della sede' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  await page.emulateMedia({ media: 'print' });
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const pageRule = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).some((rule) => /size:\s*a4/i.test(rule.cssText)),
  );
  expect(pageRule, 'the stylesheet sets an A4 page').toBe(true);
});

// Every back-office page each demonstration account can open, in the staff's frame and with the
// demo day's data in it, passes axe; and so do the pages one level down (a request, a case file,
// its help plan).
for (const [user, password] of [
  ['sportello', 'prova-sportello-2026'],
  ['assistente', 'prova-assistente-2026'],
  ['coordinatrice', 'prova-coordinatrice-2026'],
]) {
  test(`every page of ${user}'s menu is accessible`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, user, password);
    const menu = page.getByRole('navigation', { name: "Menu dell'area operatori" });
    const addresses = await menu.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(addresses.length).toBeGreaterThan(2);
    for (const address of addresses) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    if (user === 'sportello') {
      await page.goto('/operatori/richieste');
      await page.getByRole('main').getByRole('link', { name: / alle \d/ }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Richiesta n.');
      await expectAccessible(page);
      // A request prints as the page it is: no menus, no forms.
      await page.emulateMedia({ media: 'print' });
      await expect(menu).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('button').first()).toBeHidden();
      await page.emulateMedia({ media: 'screen' });
    }
    if (user === 'assistente') {
      await page.goto('/operatori/casi');
      await page.getByRole('main').getByRole('link', { name: /Caso n\. \d+/ }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
      await page.goto('/operatori/casi');
      const plan = page.getByRole('main').getByRole('link', { name: /Progetto/ }).first();
      if (await plan.count()) {
        await plan.click();
        await expectAccessible(page);
      }
    }
  });
}
