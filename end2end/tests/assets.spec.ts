import { expect, test, type Page } from '@playwright/test';
import { expectIslandsLive } from './support';

/** What the page fetched over the network (a file served from the browser's cache is not listed). */
type Fetched = { url: string; bytes: number }[];

/**
 * Starts listing what the page fetches over the network, through Chromium's own network events:
 * a request answered from the memory or disk cache is left out, a revalidation (304) is kept.
 */
async function listFetches(page: Page): Promise<Fetched> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const cached = new Set<string>();
  const fetched: Fetched = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.requestServedFromCache', (event) => cached.add(event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) cached.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (!cached.has(event.requestId)) {
      fetched.push({ url: new URL(urls.get(event.requestId) ?? 'about:blank').pathname, bytes: event.encodedDataLength });
    }
  });
  return fetched;
}

test('a second page fetches only its own HTML: the bundle, stylesheet and fonts come from the cache', async ({ page }) => {
  const fetched = await listFetches(page);
  await page.goto('/servizi/affido-familiare');
  await expectIslandsLive(page);
  await page.evaluate(() => document.fonts.ready);
  const first = fetched.splice(0).map((f) => f.url);
  // The first visit did fetch them (so the list below is empty for the right reason).
  expect(first).toContainEqual(expect.stringMatching(/^\/pkg\/sportello\.[^/]+\.wasm$/));
  expect(first).toContainEqual(expect.stringMatching(/^\/pkg\/sportello\.[^/]+\.css$/));
  expect(first).toContainEqual(expect.stringMatching(/^\/fonts\//));

  // Another page, reached as a person does, by its link in the footer.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Contatti' }).click();
  await expect(page).toHaveURL(/\/contatti$/);
  await expectIslandsLive(page);
  await page.evaluate(() => document.fonts.ready);
  const second = fetched.map((f) => f.url);
  expect(second).toContain('/contatti');
  expect(second.filter((url) => url.startsWith('/pkg/') || url.startsWith('/fonts/'))).toEqual([]);
});
