import { expect, test } from '@playwright/test';
import { choose, expectAccessible, expectAccessibleWithoutJs, expectIslandsLive } from './support';

test.describe('with JavaScript', () => {
  // Whatever the test did, the page it ends on ran the islands.
  test.afterEach(async ({ page }) => expectIslandsLive(page));

  test('a low rating asks what was difficult, and the thanks come after sending', async ({ page }) => {
    await page.goto('/assistenza');
    await expect(page.getByText(/Hai scritto \d+ caratteri su 1000/)).toBeVisible(); // hydrated
    const feedback = page.locator('[data-element="feedback"]');
    // Hydrated, the follow-up waits for a rating.
    await expect(feedback.getByText('Quali sono stati gli aspetti che hai preferito?')).toBeHidden();
    await expect(feedback.getByText('Dove hai incontrato le maggiori difficoltà?')).toBeHidden();
    await choose(feedback, '2 stelle');
    await expect(feedback.getByText('Dove hai incontrato le maggiori difficoltà?')).toBeVisible();
    await expect(feedback.getByText('Quali sono stati gli aspetti che hai preferito?')).toBeHidden();
    await choose(feedback, 'A volte le indicazioni non erano complete');
    // Changing one's mind to a high rating swaps the question and clears the answer to the other.
    await choose(feedback, '5 stelle');
    await expect(feedback.getByText('Quali sono stati gli aspetti che hai preferito?')).toBeVisible();
    await expect(feedback.getByText('Dove hai incontrato le maggiori difficoltà?')).toBeHidden();
    await expect(feedback.getByLabel('A volte le indicazioni non erano complete')).not.toBeChecked();
    await choose(feedback, '2 stelle');
    await choose(feedback, 'A volte le indicazioni non erano complete');
    await expectAccessible(page);
    await feedback.getByRole('button', { name: 'Invia la valutazione' }).click();
    await expect(feedback.getByRole('heading', { name: 'Grazie per il tuo aiuto!' })).toBeVisible();
    await expect(page).toHaveURL(/\/assistenza\?valutazione=grazie/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('both follow-up questions are there and the rating is sent', async ({ page, browser }) => {
    await page.goto('/servizi/affido-familiare');
    const feedback = page.locator('[data-element="feedback"]');
    await expect(feedback.getByText('Dove hai incontrato le maggiori difficoltà?')).toBeVisible();
    await expect(feedback.getByText('Quali sono stati gli aspetti che hai preferito?')).toBeVisible();
    await feedback.getByRole('button', { name: 'Invia la valutazione' }).click();
    await expect(page.getByText('Scegli un voto da 1 a 5 stelle.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Affido familiare');
    await expectAccessibleWithoutJs(page, browser);
    await choose(feedback, '5 stelle');
    await choose(feedback, 'Le indicazioni erano chiare');
    await feedback.getByRole('button', { name: 'Invia la valutazione' }).click();
    await expect(page).toHaveURL(/\/servizi\/affido-familiare\?valutazione=grazie#valutazione$/);
    await expect(feedback.getByRole('heading', { name: 'Grazie per il tuo aiuto!' })).toBeVisible();
  });
});
