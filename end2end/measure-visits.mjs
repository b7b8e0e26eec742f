// What a browser transfers on a first visit to one page and a second visit to another, as headless
// Chromium (Debian's) counts it: every response's bytes on the wire (headers and compressed body),
// nothing for a file served from the browser's cache. Used by scripts/bench:
//
//   node end2end/measure-visits.mjs http://127.0.0.1:3917 /servizi/affido-familiare /contatti
//
// prints a Markdown table (one row per file fetched, by visit) then a last line
// `TOTALS <first visit bytes> <second visit bytes>`.
import { chromium } from '@playwright/test';

const [base, firstPath, secondPath] = process.argv.slice(2);
if (!base || !firstPath || !secondPath) {
  console.error('usage: measure-visits.mjs BASE_URL FIRST_PATH SECOND_PATH');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  let fetched = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    if (e.encodedDataLength > 0) {
      fetched.push({ path: new URL(urls.get(e.requestId)).pathname, bytes: e.encodedDataLength });
    }
  });
  const visit = async (path) => {
    fetched = [];
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    return fetched;
  };
  const first = await visit(firstPath);
  const second = await visit(secondPath);
  const sum = (list) => list.reduce((total, f) => total + f.bytes, 0);
  console.log('| Visit | Request | Bytes received |');
  console.log('|---|---|---|');
  for (const [name, list] of [['first', first], ['second', second]]) {
    for (const f of list) console.log(`| ${name} | \`${f.path}\` | ${f.bytes} |`);
  }
  console.log(`TOTALS ${sum(first)} ${sum(second)}`);
} finally {
  await browser.close();
}
