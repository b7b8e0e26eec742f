import { expect, test, type Page } from '@playwright/test';
import { choose, expectAccessible, staffSignIn } from './support';

// A family's path through the service, as the staff click it: the front desk registers a court
// mandate, a social worker takes it in charge, keeps the case's diary and runs the help plan to
// its end, and the coordinator approves the case's closure.

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByText("Sei uscito dall'area operatori.")).toBeVisible();
}

/** A day as the date fields want it, `days` from today (UTC's today is never after Rome's). */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('from the front desk to a closed case: mandate, case file, help plan, closure', async ({ page }) => {
  test.setTimeout(120_000);
  await staffSignIn(page, 'sportello', 'prova-sportello-2026');
  await page.getByRole('link', { name: 'Richieste' }).first().click();
  await page.getByRole('link', { name: "Mandato dell'Autorità Giudiziaria" }).click();
  await page.getByLabel('Comune di residenza della famiglia').selectOption({ label: 'Cinisello Balsamo' });
  const mother = page.getByRole('group', { name: 'Persona 1' });
  await mother.getByLabel(/^Ruolo/).selectOption({ label: 'Genitore' });
  await mother.getByLabel(/^Nome/).fill('Elena');
  await mother.getByLabel(/^Cognome/).fill('Galli');
  await mother.getByLabel(/^Data di nascita/).fill('1985-02-11');
  const son = page.getByRole('group', { name: 'Persona 2' });
  await son.getByLabel(/^Nome/).fill('Luca');
  await son.getByLabel(/^Cognome/).fill('Galli');
  await son.getByLabel(/^Data di nascita/).fill('2014-05-20');
  await page.getByLabel('Bisogno').selectOption({ index: 1 });
  await page.getByLabel('Urgenza').selectOption({ label: 'Prioritaria' });
  await page.getByLabel('Unità a cui va la richiesta').selectOption({ label: 'Servizio Minori e Famiglia' });
  await page.getByLabel('Autorità Giudiziaria', { exact: true }).fill('Tribunale per i Minorenni di Milano');
  await page.getByLabel('Numero del decreto').fill('456/2026');
  await page.getByLabel('Data del decreto').fill(isoDay(-10));
  await page.getByLabel("Che cosa chiede l'Autorità Giudiziaria").selectOption({ index: 1 });
  await page.getByLabel('Scadenza della relazione').fill(isoDay(60));
  await page.getByRole('button', { name: 'Registra la richiesta' }).click();
  await expect(page.getByText('Richiesta registrata.')).toBeVisible();
  const number = (await page.getByRole('heading', { name: /Richiesta n\. \d+/ }).textContent())!.match(/\d+/)![0];
  await signOut(page);

  // The social worker takes it in charge from the unit's queue and opens the case file.
  await staffSignIn(page, 'assistente', 'prova-assistente-2026');
  await page.getByRole('link', { name: "Coda dell'unità" }).first().click();
  await page.getByRole('button', { name: `Prendi in carico la richiesta n. ${number}` }).click();
  await expect(page.getByText(`Hai preso in carico la richiesta n. ${number}`)).toBeVisible();
  await page.getByRole('link', { name: 'Vai ai tuoi casi' }).click();
  await expect(page.getByRole('heading', { name: 'I miei casi' })).toBeVisible();
  await expectAccessible(page);
  const row = page.getByRole('row', { name: /Elena Galli, Luca Galli/ });
  const caseLink = row.getByRole('link', { name: /Caso n\. \d+/ });
  const caseName = (await caseLink.textContent())!.trim();
  await caseLink.click();
  await expect(page.getByRole('region', { name: 'Origine' }).getByText(/Tribunale per i Minorenni di Milano, decreto n\. 456\/2026 del/)).toBeVisible();
  await expect(page.getByRole('region', { name: "Relazioni all'Autorità Giudiziaria" }).getByText('da inviare')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Luca Galli' })).toBeVisible();
  await expectAccessible(page);

  // The diary: a note, then its correction, the first version still readable.
  await page.getByText('Aggiungi una nota').click();
  await page.getByLabel('Tipo di nota').selectOption({ label: 'Colloquio' });
  await page.getByLabel('Data', { exact: true }).fill(isoDay(0));
  await page.getByLabel('Testo della nota').fill('Primo colloquio con la madre: accetta di incontrarci a casa.');
  await page.getByRole('button', { name: 'Salva la nota' }).click();
  await expect(page.getByText('Nota aggiunta al diario.')).toBeVisible();
  await page.getByRole('link', { name: /Correggi la nota del/ }).click();
  await expect(page.getByRole('heading', { name: 'Correggi una nota' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Testo della nota').fill('Primo colloquio con la madre e con Luca: accettano di incontrarci a casa.');
  await page.getByLabel('Motivo della correzione').fill('Era presente anche Luca');
  await page.getByRole('button', { name: 'Salva la correzione' }).click();
  await expect(page.getByText('Correzione salvata')).toBeVisible();
  await expect(page.getByText('(versione 2)')).toBeVisible();
  await expectAccessible(page);

  // The decree, scanned to PDF, goes into the file's documents.
  await page.getByText('Allega un documento').click();
  await page.getByLabel('Tipo di documento').selectOption({ label: "Decreto dell'Autorità Giudiziaria" });
  await page.getByLabel('Titolo', { exact: true }).fill('Decreto 456/2026');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'decreto-456.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Allega il documento' }).click();
  await expect(page.getByText('Documento allegato al fascicolo.')).toBeVisible();
  await expect(page.getByRole('link', { name: "Decreto dell'Autorità Giudiziaria: Decreto 456/2026" })).toBeVisible();
  await expectAccessible(page);

  // What the family will see in its area: a court mandate starts hidden, and showing it asks for
  // the worker's check first.
  const seen = page.getByRole('region', { name: 'Che cosa vede la famiglia' });
  const show = seen.getByRole('button', { name: `Mostra la richiesta n. ${number} alla famiglia` });
  await expect(seen.getByText(`Richiesta n. ${number}`, { exact: true })).toBeVisible();
  await show.click();
  await expect(page.getByText('conferma di aver verificato').first()).toBeVisible();
  await expectAccessible(page);
  await choose(seen.locator('form').filter({ hasText: `Mostra la richiesta n. ${number}` }), /Ho verificato che nessun genitore/);
  await show.click();
  await expect(page.getByText('Scelta salvata')).toBeVisible();
  await expect(seen.getByRole('button', { name: `Nascondi la richiesta n. ${number} alla famiglia` })).toBeVisible();

  // The help plan: a draft, two interventions, the family's approval, the start, the conclusion.
  await page.getByRole('link', { name: 'Progetto di aiuto e chiusura del caso' }).click();
  await expect(page.getByText('Il caso non ha un progetto in corso.')).toBeVisible();
  await expectAccessible(page);
  await page.getByText('Nuovo progetto').click();
  await page.getByLabel('Obiettivi').fill('Sostenere Elena nella cura di Luca e riprendere la frequenza scolastica.');
  await page.getByLabel('Data della prossima revisione').fill(isoDay(90));
  await page.getByRole('button', { name: 'Crea la bozza del progetto' }).click();
  await expect(page.getByRole('heading', { name: 'Progetto in corso: Bozza' })).toBeVisible();

  await page.getByText('Aggiungi un intervento').click();
  await page.getByLabel('Intervento', { exact: true }).selectOption({ label: 'Sostegno socio-educativo domiciliare o scolastico' });
  await page.getByLabel('Chi fa cosa').fill("L'educatrice della cooperativa, due pomeriggi a settimana");
  await page.getByLabel('Inizio previsto').fill(isoDay(7));
  await page.getByLabel('Base giuridica').selectOption({ label: 'Consenso della famiglia' });
  await page.getByRole('button', { name: "Aggiungi l'intervento" }).click();
  await expect(page.getByText('In attesa del consenso della famiglia')).toBeVisible();
  await page.getByText('Aggiungi un intervento').click();
  await page.getByLabel('Intervento', { exact: true }).selectOption({ label: 'Incontri protetti' });
  await page.getByLabel('Chi fa cosa').fill('Lo spazio neutro del consultorio, ogni due settimane');
  await page.getByLabel('Inizio previsto').fill(isoDay(3));
  await page.getByLabel('Base giuridica').selectOption({ label: "Mandato dell'Autorità Giudiziaria" });
  await page.getByLabel('Mandato che lo dispone (facoltativo)').selectOption({ index: 1 });
  await page.getByRole('button', { name: "Aggiungi l'intervento" }).click();
  await expect(page.getByText(/Mandato: Tribunale per i Minorenni di Milano, decreto n\. 456\/2026/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Proponi il progetto alla famiglia' }).click();
  await expect(page.getByRole('heading', { name: 'Progetto in corso: Proposto alla famiglia' })).toBeVisible();
  // The court-ordered meetings may start; the consensual support waits for the family.
  await expect(page.getByRole('button', { name: 'Avvia: Sostegno socio-educativo domiciliare o scolastico' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Avvia: Incontri protetti' }).click();
  await expect(page.getByText(/In corso dal/)).toBeVisible();
  await page.getByLabel('Risposta della famiglia').selectOption({ label: 'La famiglia approva il progetto' });
  await page.getByLabel('Data della risposta').fill(isoDay(0));
  await page.getByLabel('Come è stata data la risposta (facoltativo)').fill('Consenso firmato al colloquio');
  await page.getByRole('button', { name: 'Registra la risposta' }).click();
  await expect(page.getByRole('heading', { name: 'Progetto in corso: Approvato dalla famiglia' })).toBeVisible();
  await page.getByRole('button', { name: 'Avvia il progetto' }).click();
  await page.getByRole('button', { name: 'Avvia: Sostegno socio-educativo domiciliare o scolastico' }).click();
  await expect(page.getByRole('heading', { name: 'Progetto in corso: Attivo' })).toBeVisible();
  await expectAccessible(page);

  await page.getByText('Concludi il progetto', { exact: true }).first().click();
  await page.getByLabel('Esito del progetto').fill('Luca frequenta di nuovo la scuola; gli incontri con il padre sono regolari.');
  await page.getByRole('button', { name: 'Concludi il progetto' }).click();
  await expect(page.getByText(/Progetto del .*, concluso: Luca frequenta/)).toBeVisible();
  await page.getByLabel('Motivo della chiusura').fill('Obiettivi raggiunti, relazione inviata al Tribunale.');
  await page.getByRole('button', { name: 'Chiedi la chiusura del caso' }).click();
  await expect(page.getByText(/Andrea Assistente ha chiesto la chiusura del caso/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The coordinator finds the closure on the unit's dashboard and approves it.
  await staffSignIn(page, 'coordinatrice', 'prova-coordinatrice-2026');
  await page.getByRole('link', { name: "Cruscotto dell'unità" }).first().click();
  await expect(page.getByRole('heading', { name: 'Cruscotto: Servizio Minori e Famiglia' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Richieste arrivate e casi chiusi, settimana per settimana' })).toBeVisible();
  await expectAccessible(page);
  const closures = page.getByRole('region', { name: 'Chiusure da approvare' });
  // Its own case among the unit's closures (the --demo day has one waiting too).
  await closures.getByRole('link', { name: caseName, exact: true }).click();
  await page.getByLabel('Decisione').selectOption({ label: 'Approvo la chiusura' });
  await page.getByRole('button', { name: 'Registra la decisione' }).click();
  await expect(page.getByText(/Il caso è chiuso dal .*, con l'approvazione di Carla Coordinatrice\./)).toBeVisible();
  await expectAccessible(page);
});
