import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PUBLIC_PAGES } from './support';

// The checks the AgID validator of the "modello Comuni" makes on every page it visits, made the same
// way (in the page, through computed styles and the DOM), so a page that passes here passes there:
// - C.SI.1.2: Bootstrap Italia ≥ 2.0.0, read from the `--bootstrap-italia-version` custom property,
//   and at least 30% of the page's distinct CSS classes are Bootstrap Italia's;
// - C.SI.1.1: every heading and paragraph, and everything inside them, is set in one of the model's
//   fonts.
// We add what the validator takes for granted: the fonts really load, from our own site.


const MODEL_FONTS = ['Titillium Web', 'Lora', 'Roboto Mono'];

/** Every class Bootstrap Italia's complete stylesheet defines (the package the build installed). */
const BOOTSTRAP_ITALIA_CLASSES: Set<string> = (() => {
  const css = readFileSync(
    resolve(__dirname, '../../style/node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css'),
    'utf8',
  );
  // Class selectors only: drop declaration blocks first, so values such as `1.5rem` don't count.
  const selectors = css.replace(/\{[^{}]*\}/g, ' ');
  return new Set([...selectors.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]));
})();

async function distinctClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const used = new Set<string>();
    for (const element of document.getElementsByTagName('*')) {
      for (const name of (element.getAttribute('class') ?? '').split(/\s+/)) {
        if (name) used.add(name);
      }
    }
    return [...used];
  });
}

for (const path of PUBLIC_PAGES) {
  test(`${path} passes the model's interface checks`, async ({ page, baseURL }) => {
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseURL!)) foreignRequests.push(request.url());
    });
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);

    const version = await page.evaluate(() =>
      getComputedStyle(document.body).getPropertyValue('--bootstrap-italia-version').trim().replaceAll('"', '').replaceAll("'", ''),
    );
    const [major] = version.split('.').map(Number);
    expect(major, `Bootstrap Italia version "${version}"`).toBeGreaterThanOrEqual(2);

    const classes = await distinctClasses(page);
    const ours = classes.filter((name) => !BOOTSTRAP_ITALIA_CLASSES.has(name));
    const share = (classes.length - ours.length) / classes.length;
    expect(share, `share of Bootstrap Italia classes; ours: ${ours.join(' ')}`).toBeGreaterThanOrEqual(0.3);

    const wrongFonts = await page.evaluate((allowed) => {
      const wrong: string[] = [];
      for (const outer of document.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p')) {
        for (const element of [outer, ...outer.querySelectorAll('*')]) {
          const first = getComputedStyle(element).fontFamily.split(',', 1)[0].trim().replace(/^"|"$/g, '');
          if (!allowed.includes(first)) wrong.push(`${element.tagName}: ${first}`);
        }
      }
      return wrong;
    }, MODEL_FONTS);
    expect(wrongFonts).toEqual([]);

    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, '')),
    );
    expect(loaded).toContain('Titillium Web');
    expect(foreignRequests, 'requests to other sites').toEqual([]);
  });
}
