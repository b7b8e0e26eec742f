import AxeBuilder from '@axe-core/playwright';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

/** The public site's pages a family meets, one of each kind (each also exists in every language). */
export const PUBLIC_PAGES = [
  '/',
  '/servizi',
  '/servizi/affido-familiare',
  '/argomenti',
  '/contatti',
  '/informativa-privacy',
  '/assistenza',
  '/prenota',
  '/area-personale/accedi',
];

/**
 * Runs axe-core on the page as it is now and fails on any WCAG 2.1 A/AA violation. In a test run
 * with JavaScript off, it checks a copy of the page instead (see below).
 */
export async function expectAccessible(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) {
    return expectAccessibleWithoutJs(page, page.context().browser()!);
  }
  await runAxe(page);
}

async function runAxe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/**
 * axe-core is JavaScript and cannot run in a page with JavaScript disabled: check the very HTML that
 * page shows (its own scripts removed, so it stays exactly as served) in a page where it can.
 */
export async function expectAccessibleWithoutJs(page: Page, browser: Browser) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  // Explicitly on: inside a test, new contexts inherit the test's options, JavaScript off included.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route('**/__copia-per-controllo-accessibilita', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto('/__copia-per-controllo-accessibilita');
    await runAxe(copy);
  } finally {
    await context.close();
  }
}

/**
 * The islands are live: the bundle loaded and hydrated them, and said so on the page
 * (`<html data-isole="attive">`). A test "with JavaScript" checks it, or a broken bundle would leave
 * plain forms that pass on their own.
 */
export async function expectIslandsLive(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-isole', 'attive');
}

/** Waits until the WASM bundle has hydrated the page (the live character counter appears only then). */
export async function waitForHydration(page: Page) {
  await expectIslandsLive(page);
  await expect(page.getByText(/Hai scritto \d+ caratteri su 1000/)).toBeVisible();
}

/**
 * Chooses a radio button or ticks a checkbox as a person does, by clicking its visible label
 * (Bootstrap Italia draws the box on the label and hides the native input under it).
 */
export async function choose(scope: Page | Locator, label: string | RegExp) {
  const input = scope.getByLabel(label);
  const id = await input.getAttribute('id');
  // Near the label's start, where the box is drawn: a label may hold a link further on.
  await scope.locator(`label[for="${id}"]`).click({ position: { x: 10, y: 12 } });
  await expect(input).toBeChecked();
}

/**
 * The private link of the newest email sent to `address`, as the citizen would open it from their
 * mailbox (the server writes emails to files in the browser tests).
 */
export async function privateLinkSentTo(address: string): Promise<string> {
  const dir = join(process.env.SPORTELLO_E2E_DATA_DIR ?? '', 'mail');
  let link: string | undefined;
  await expect
    .poll(() => {
      const emails = readdirSync(dir)
        .filter((name) => name.endsWith('.eml'))
        .map((name) => join(dir, name))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
        .map((path) => readFileSync(path, 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
        .filter((text) => text.includes(address) && text.includes('/prenota/gestisci?t='));
      link = emails[0]?.match(/\/prenota\/gestisci\?t=[0-9a-f]{64}/)?.[0];
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** The 6-digit code an authenticator app shows now for a base32 `secret` (RFC 6238, SHA-1, 30 s). */
export function totpCode(secret: string, at: number = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** Signs in to the back office as `user` (a session of its own, apart from the families' area's). */
export async function staffSignIn(page: Page, user: string, password: string) {
  await page.goto('/operatori');
  await page.getByLabel('Nome utente').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
}
