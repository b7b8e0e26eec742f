import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

const pages = [
  ['/contatti', 'Contatti'],
  ['/argomenti', 'Argomenti'],
  ['/informativa-privacy', 'Informativa sul trattamento dei dati personali'],
  ['/dichiarazione-di-accessibilita', 'Dichiarazione di accessibilità'],
  ['/note-legali', 'Note legali'],
  ['/domande-frequenti', 'Domande frequenti'],
  ['/condizioni-di-servizio', 'Condizioni di servizio'],
] as const;

test('the footer leads to every information page', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  const inFooter = ['/contatti', '/informativa-privacy', '/dichiarazione-di-accessibilita', '/note-legali', '/domande-frequenti'];
  for (const [path, title] of pages.filter(([path]) => inFooter.includes(path))) {
    await page.goto('/');
    const label = path === '/informativa-privacy' ? 'Informativa privacy' : title;
    await footer.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});

test('a topic leads to its services', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Argomenti' }).click();
  await page.getByRole('link', { name: 'Lavoro' }).click();
  await expect(page.getByRole('link', { name: 'Integrazione socio-lavorativa (SISL)' })).toBeVisible();
});

for (const width of [1280, 360]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const [path, title] of pages) {
      test(`${path} is accessible and fits`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await expectAccessible(page);
      });
    }
  });
}
