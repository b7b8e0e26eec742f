import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

test('the home page says who we are, how to reach us, and what to do in an emergency', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Sportello/);
  expect(await page.locator('html').getAttribute('lang')).toBe('it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Servizi sociali per le famiglie con figli minorenni');
  await expect(page.getByRole('heading', { name: 'Le nostre sedi' })).toBeVisible();
  const phoneLine = page.locator('.linea-telefonica');
  await expect(phoneLine.getByRole('link', { name: '02.66023.549' })).toBeVisible();
  await expect(phoneLine.getByText('Da lunedì a giovedì: 9:30–12:30 e 14:30–15:30')).toBeVisible();
  await expect(phoneLine.locator('.stato-apertura')).toHaveText(/^(Aperto ora|Chiuso)/);
  await expect(page.getByRole('complementary', { name: 'Numeri di emergenza' })).toContainText('112');
  await expectAccessible(page);
});

test('the skip link takes keyboard users straight to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Vai al contenuto principale' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenuto$/);
  await expect(page.locator('main')).toBeFocused();
});

test('an unknown address shows a friendly page that leads back', async ({ page }) => {
  const response = await page.goto('/indirizzo-sbagliato');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina non trovata');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Vai alla pagina iniziale' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Servizi sociali per le famiglie con figli minorenni');
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of ['/', '/assistenza']) {
    test(`${path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await expectAccessible(page);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the skip link still moves the focus to the content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Vai al contenuto principale' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
