// @ts-check
/** Debian's Chromium, headless, offline, with a fresh profile, opening a code-server workbench. */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';
import { waitFor } from './wait.mjs';

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

/** The cursor's line, from the status bar ("Ln 29, Col 1"). @param {import('playwright-core').Page} page */
async function cursorLine(page) {
  const text = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText().catch(() => '');
  const match = /Ln (\d+),/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Go to Line in the active editor, until the status bar shows the cursor on that line. The line is
 * written into the quick input itself (never typed at whatever has the focus: keys sent before Go
 * to Line takes the focus land in the file). A hover or a preview just closed can take the focus
 * back and close the quick input, or swallow Ctrl+G: then the focus goes back to the active editor
 * (its tab) and it starts again.
 * @param {import('playwright-core').Page} page @param {number} line
 */
export async function goToLine(page, line) {
  const widget = page.locator('.quick-input-widget').first();
  const input = widget.locator('input').first();
  await waitFor(async () => {
    if (!(await input.isVisible())) await page.keyboard.press('Control+G');
    const written = await input.fill(`:${line}`, { timeout: 5_000 }).then(() => input.press('Enter', { timeout: 2_000 })).then(() => true, () => false);
    if (written) await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    if ((await cursorLine(page)) === line && !(await widget.isVisible())) return true;
    await page.locator('.editor-group-container.active .tabs-container .tab.active').first().click();
    return undefined;
  }, { what: `Go to Line to put the cursor on line ${line}`, timeoutMs: 90_000 });
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
  // Click the command's row: Enter would take the first row, which may be a recently used command the query has not filtered out yet.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title.split(': ')[1] }).first().click();
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P), which also gives its editor the focus, goes to
 * its first line and waits for a line containing `lineText` to be shown.
 * @param {import('playwright-core').Page} page @param {string} query a path that names one file @param {string} lineText
 */
export async function quickOpen(page, query, lineText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
  const name = query.split('/').pop() ?? query;
  // Click the file's row rather than press Enter: Enter takes the first row, which may still be one
  // of the recently opened list that the query has not filtered yet.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name }).first().waitFor();
  // An editor opened before keeps its scroll position: start from the top.
  await page.keyboard.press('Control+Home');
  await page.locator('.monaco-editor .view-line', { hasText: lineText }).first().waitFor();
}
