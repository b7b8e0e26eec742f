import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PUBLIC_PAGES, choose, expectAccessible, expectAccessibleWithoutJs } from './support';

// The public site in each of its languages, as a family reading it would meet it: every page
// accessible, in its language and direction, on a phone; and a whole booking made in Arabic and
// one in Chinese without JavaScript, whose email comes in that language and then in Italian.

/** The languages of the site: the code in addresses and the folder of their messages. */
const LANGUAGES = [
  { code: 'it', tag: 'it', prefix: '' },
  { code: 'en', tag: 'en', prefix: '/en' },
  { code: 'fr', tag: 'fr', prefix: '/fr' },
  { code: 'es', tag: 'es', prefix: '/es' },
  { code: 'ar', tag: 'ar', prefix: '/ar' },
  { code: 'zh', tag: 'zh-Hans', prefix: '/zh' },
  { code: 'ro', tag: 'ro', prefix: '/ro' },
  { code: 'sq', tag: 'sq', prefix: '/sq' },
  { code: 'uk', tag: 'uk', prefix: '/uk' },
];


/**
 * The one-line messages of a language, as its pages show them (the visible labels a person reads),
 * from the same message files the server uses.
 */
function messages(tag: string): Record<string, string> {
  const folder = join(__dirname, '..', '..', 'app', 'locales', tag);
  const found: Record<string, string> = {};
  for (const file of readdirSync(folder)) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const match = line.match(/^([a-z][a-z0-9-]*) = (.+)$/);
      if (match) found[match[1]] = match[2].trim();
    }
  }
  return found;
}

/** The longest piece of a message outside its `{ $value }`s: what a page always shows of it. */
function fixedPart(message: string): string {
  return message
    .split(/\{[^}]*\}/)
    .map((piece) => piece.trim())
    .sort((a, b) => b.length - a.length)[0];
}

/** `text` as a regular expression that finds it literally. */
function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

async function fitsA360pxScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test.describe('every public page in every language', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const language of LANGUAGES) {
    test(`in ${language.code}`, async ({ page }) => {
      // Eight pages, each checked by axe-core.
      test.setTimeout(90_000);
      for (const path of PUBLIC_PAGES) {
        const address = language.prefix + (path === '/' && language.prefix ? '' : path);
        await page.goto(address);
        const html = page.locator('html');
        await expect(html, address).toHaveAttribute('lang', language.tag);
        await expect(html, address).toHaveAttribute('dir', language.code === 'ar' ? 'rtl' : 'ltr');
        await expect(page.locator('h1'), `${address}: one h1`).toHaveCount(1);
        await fitsA360pxScreen(page);
        await expectAccessible(page);
      }
    });
  }

  test('Arabic pages take the mirrored stylesheet and read from the right', async ({ page }) => {
    await page.goto('/ar/prenota');
    await expect(page.locator('link#sportello')).toHaveAttribute('href', /^\/css\/sportello-rtl\.[0-9a-f]{16}\.css$/);
    const loaded = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) => sheet.href?.includes('/css/sportello-rtl.') && sheet.cssRules.length > 100),
    );
    expect(loaded, 'the mirrored rules are in force').toBe(true);
    // The path starts on the right: "Home" is right of the page it leads to.
    const crumbs = page.locator('.breadcrumb li');
    const first = (await crumbs.first().boundingBox())!;
    const last = (await crumbs.last().boundingBox())!;
    expect(first.x).toBeGreaterThan(last.x);
  });
});

/** The text of the newest email sent to `address`, its parts decoded as lettre encoded them. */
function emailTo(address: string): { text: string; calendar: string } | undefined {
  const dir = join(process.env.SPORTELLO_E2E_DATA_DIR ?? '', 'mail');
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .map((path) => readFileSync(path, 'utf8').replace(/\r\n/g, '\n'))
    .find((raw) => raw.includes(address));
  if (!newest) return undefined;
  const part = (type: string) => {
    const start = newest.indexOf(`Content-Type: ${type}`);
    if (start < 0) return '';
    const [headers, ...rest] = newest.slice(start).split('\n\n');
    const body = rest.join('\n\n').split('\n--')[0].trim();
    if (headers.includes('Content-Transfer-Encoding: base64')) {
      return Buffer.from(body.replace(/\n/g, ''), 'base64').toString('utf8');
    }
    if (headers.includes('Content-Transfer-Encoding: quoted-printable')) {
      const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => `%${hex}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
    }
    return body;
  };
  return { text: part('text/plain'), calendar: part('text/calendar') };
}

test.describe('a whole booking in the family’s language, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const language of [LANGUAGES[4], LANGUAGES[5]]) {
    test(`in ${language.code}`, async ({ page, browser }) => {
      // Six pages, each checked by axe-core in a second browser context.
      test.setTimeout(90_000);
      const say = messages(language.tag);
      const check = async (p: Page) => {
        await expect(p.locator('html')).toHaveAttribute('lang', language.tag);
        await expectAccessibleWithoutJs(p, browser as Browser);
      };
      const email = `famiglia.${language.code}@example.it`;

      await page.goto(`${language.prefix}/servizi/aiuti-economici-e-assegni`);
      await check(page);
      await page.getByRole('link', { name: say['booking-title'] }).first().click();
      await expect(page.getByRole('heading', { name: say['calendar-choose-day'] })).toBeVisible();
      await check(page);
      await page.getByRole('table').getByRole('link').first().click();

      const times = page.getByRole('group', { name: literally(fixedPart(say['booking-free-times-of'])) });
      await expect(times).toBeVisible();
      await check(page);
      await choose(page, (await times.locator('label').first().textContent()) ?? '');
      await page.getByRole('button', { name: say['booking-next'] }).click();

      await expect(page.getByRole('heading', { name: say['details-heading'] })).toBeVisible();
      await page.getByLabel(say['details-given-name'], { exact: true }).fill(language.code === 'ar' ? 'أمينة' : '王芳');
      await page.getByLabel(say['details-family-name'], { exact: true }).fill(language.code === 'ar' ? 'حداد' : '李');
      await page.getByLabel(say['details-email']).fill(email);
      await choose(page, literally(say['details-privacy-before'].trim()));
      await check(page);
      await page.getByRole('button', { name: say['details-continue'] }).click();

      await expect(page.getByRole('heading', { name: say['summary-heading'] })).toBeVisible();
      await check(page);
      await page.getByRole('button', { name: say['summary-confirm'] }).click();
      await expect(page.getByRole('heading', { level: 1, name: say['confirmed-title'] })).toBeVisible();
      await check(page);

      // The email: the family's language first, then the same in Italian, with the calendar file.
      let sent: ReturnType<typeof emailTo>;
      await expect.poll(() => (sent = emailTo(email))?.text ?? '').toContain('Italiano');
      const [own, italian] = sent!.text.split('———— Italiano ————');
      expect(own).toContain(fixedPart(say['email-greeting']));
      expect(own).toContain(`${language.prefix}/prenota/gestisci?t=`);
      expect(italian).toContain('Gentile');
      expect(sent!.calendar.replace(/\n /g, '')).toContain(`SUMMARY:${say['calendar-summary']} / Appuntamento presso il Segretariato Sociale`);
    });
  }
});
