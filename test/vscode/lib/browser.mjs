// @ts-check
/** Debian's Chromium, headless, offline, with a fresh profile, opening a code-server workbench. */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

/**
 * Flags for running as root with no network: nothing may try to reach the internet. The resolver
 * rule makes every host name but the local code-server fail at once, should anything still try.
 */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export const VIEWPORT = { width: 1400, height: 900 };

/**
 * Opens `url` in a new Chromium whose profile lives in `userDataDir`, and waits for the workbench.
 * @param {string} url
 * @param {string} userDataDir a fresh, empty directory
 */
export async function openWorkbench(url, userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: VIEWPORT,
    // Nothing outside the fresh profile: no dconf writes or caches under $HOME.
    env: { ...process.env, GSETTINGS_BACKEND: 'memory', XDG_CONFIG_HOME: join(userDataDir, 'xdg-config'), XDG_CACHE_HOME: join(userDataDir, 'xdg-cache') },
    timeout: 60_000,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    return { context, page };
  } catch (error) {
    await closeWorkbench(context);
    throw new Error(`The workbench at ${url} did not load: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Closes the browser, giving up after a while: anything left is killed by the harness's final sweep.
 * @param {import('playwright-core').BrowserContext | undefined} context
 */
export async function closeWorkbench(context) {
  if (!context) return;
  let timer;
  await Promise.race([context.close().catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]);
  clearTimeout(timer);
}

/**
 * Go to Line in the active editor. The line is typed only once the quick input is open, and the step
 * waits for it to close: keys sent before it opens land in the file (a stray Enter inserted a line).
 * @param {import('playwright-core').Page} page @param {number} line
 */
export async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const widget = page.locator('.quick-input-widget').first();
  await widget.waitFor({ state: 'visible' });
  // Go to Line takes the focus with ":" already typed; the keyboard types into it.
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
}

/**
 * Runs a command from the command palette by its title ("Category: Title").
 * @param {import('playwright-core').Page} page @param {string} title
 */
export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title.split(': ')[1] }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}
