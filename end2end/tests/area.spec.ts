import { expect, test, type Page } from '@playwright/test';
import { choose, expectAccessible, staffSignIn } from './support';

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

/** Signs in to the area through the test identity provider as the person with `fiscalCode`. */
async function areaSignIn(page: Page, fiscalCode: string, name: string, surname: string) {
  await page.goto('/area-personale/accedi');
  await page.getByRole('link', { name: 'Entra con SPID' }).click();
  await page.getByLabel('Codice fiscale').fill(fiscalCode);
  await page.getByLabel('Nome', { exact: true }).fill(name);
  await page.getByLabel('Cognome').fill(surname);
  await page.getByRole('button', { name: 'Entra con questa identità' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Area personale' })).toBeVisible();
}

test("a parent follows the family's request, answers the social worker and sends the ISEE asked; another family sees none of it", async ({ page }) => {
  test.setTimeout(180_000);
  // The desk registers Paolo's request; the social worker takes it, shows the case and writes.
  await staffSignIn(page, 'sportello', 'prova-sportello-2026');
  await page.getByRole('link', { name: 'Richieste' }).first().click();
  await page.getByRole('link', { name: 'Richiesta spontanea' }).click();
  await page.getByLabel('Comune di residenza della famiglia').selectOption({ label: 'Cinisello Balsamo' });
  const father = page.getByRole('group', { name: 'Persona 1' });
  await father.getByLabel(/^Ruolo/).selectOption({ label: 'Genitore' });
  await father.getByLabel(/^Nome/).fill('Paolo');
  await father.getByLabel(/^Cognome/).fill('Galli');
  await father.getByLabel(/^Data di nascita/).fill('1982-04-15');
  await father.getByLabel(/^Codice fiscale/).fill('GLLPLA82D15F205K');
  const daughter = page.getByRole('group', { name: 'Persona 2' });
  await daughter.getByLabel(/^Nome/).fill('Sara');
  await daughter.getByLabel(/^Cognome/).fill('Galli');
  await daughter.getByLabel(/^Data di nascita/).fill('2016-09-03');
  await page.getByLabel('Bisogno').selectOption({ index: 1 });
  await page.getByLabel('Urgenza').selectOption({ label: 'Ordinaria' });
  await page.getByLabel('Unità a cui va la richiesta').selectOption({ label: 'Servizio Minori e Famiglia' });
  await page.getByRole('button', { name: 'Registra la richiesta' }).click();
  await expect(page.getByText('Richiesta registrata.')).toBeVisible();
  const number = (await page.getByRole('heading', { name: /Richiesta n\. \d+/ }).textContent())!.match(/\d+/)![0];
  await page.getByRole('button', { name: 'Esci' }).click();

  await staffSignIn(page, 'assistente', 'prova-assistente-2026');
  await page.getByRole('link', { name: "Coda dell'unità" }).first().click();
  await page.getByRole('button', { name: `Prendi in carico la richiesta n. ${number}` }).click();
  await page.getByRole('link', { name: 'Vai ai tuoi casi' }).click();
  await page.getByRole('row', { name: /Paolo Galli, Sara Galli/ }).getByRole('link', { name: /Caso n\. \d+/ }).click();
  await page.getByRole('button', { name: 'Mostra il caso alla famiglia' }).click();
  await page.getByLabel('Messaggio alla famiglia').fill("Buongiorno, può portare l'ISEE al prossimo colloquio?");
  await page.getByRole('button', { name: 'Invia alla famiglia' }).click();
  await expect(page.getByText('Messaggio inviato')).toBeVisible();
  await expectAccessible(page);
  // The case file has two forms with a document's type: this one asks the family.
  const ask = page.locator('form').filter({ has: page.getByLabel('Che cosa serve') });
  await ask.getByLabel('Tipo di documento').selectOption({ label: 'Certificazione ISEE' });
  await ask.getByLabel('Che cosa serve').fill('ISEE 2026 del nucleo familiare');
  await page.getByRole('button', { name: 'Chiedi alla famiglia' }).click();
  await expect(page.getByText('Richiesta inviata: la famiglia la vede nella sua area personale.')).toBeVisible();
  const caseFile = page.url();
  await page.getByRole('button', { name: 'Esci' }).click();

  // Paolo sees where the request stands, reads the message and answers.
  await areaSignIn(page, 'GLLPLA82D15F205K', 'Paolo', 'Galli');
  await expect(page.getByText('Stato: presa in carico dal servizio')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Leggi i messaggi e rispondi' }).click();
  await expect(page.getByText("Buongiorno, può portare l'ISEE al prossimo colloquio?")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('La tua risposta').fill('Certo, lo porto giovedì.');
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByText('Risposta inviata.')).toBeVisible();
  await expect(page.getByText('Certo, lo porto giovedì.')).toBeVisible();
  await expectAccessible(page);

  // The ISEE asked: sent from the area. A file that is no PDF or image is refused next to the field.
  await page.goto('/area-personale');
  await expect(page.getByText('ISEE 2026 del nucleo familiare')).toBeVisible();
  await page.getByRole('link', { name: 'Invia il documento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invia un documento al servizio' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Il file del documento').setInputFiles({
    name: 'isee.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html>not a pdf</html>'),
  });
  await page.getByRole('button', { name: 'Invia il documento' }).click();
  await expect(page.getByText('Il file deve essere un PDF o una foto JPEG o PNG.').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Il file del documento').setInputFiles({
    name: 'ISEE 2026.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Invia il documento' }).click();
  await expect(page.getByText('Grazie: il documento è arrivato al servizio.')).toBeVisible();
  await expect(page.getByText(/il servizio lo ha ricevuto/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Esci' }).click();

  // The social worker finds it in the case file, sent by Paolo.
  await staffSignIn(page, 'assistente', 'prova-assistente-2026');
  await page.goto(caseFile);
  await expect(page.getByText(/inviato dalla famiglia \(Paolo Galli\)/)).toBeVisible();
  await expect(page.getByText(/ISEE 2026 del nucleo familiare \(Certificazione ISEE\), chiesto il .*ricevuto il/)).toBeVisible();
  await page.getByRole('button', { name: 'Esci' }).click();

  // A parent of another family sees none of it.
  await areaSignIn(page, 'RSSMRA80A41H501Y', 'Maria', 'Rossi');
  await expect(page.getByText('Per ora non ci sono richieste da mostrarti.')).toBeVisible();
  await page.getByRole('link', { name: 'Leggi i messaggi e rispondi' }).click();
  await expect(page.getByText('Non ci sono messaggi per te.')).toBeVisible();
  await expect(page.getByText('ISEE')).toHaveCount(0);
});
