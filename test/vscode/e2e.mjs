// @ts-check
/**
 * The end-to-end check, done as a person would in the browser: open the role-collapsed OP deploy
 * config from the explorer, hover the collapsed address, read the Problems panel, apply the
 * "Set fundDevAccounts to false" quick fix and save. Saves the screenshots the docs show. Then kills
 * the language server and sees it restarted, and opens a file too large to lint as you type.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goToLine, runCommand } from './lib/browser.mjs';
import { SCREENSHOTS_DIR } from './lib/paths.mjs';
import { processesMentioning } from './lib/processes.mjs';
import { step } from './lib/step.mjs';
import { waitFor } from './lib/wait.mjs';

/** @typedef {import('playwright-core').Page} Page @typedef {import('playwright-core').Locator} Locator */

const COLLAPSED = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
const FIX_TITLE = 'Set fundDevAccounts to false';


/** @param {Page} page @param {string} name */
async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, name) });
}

/** An editor line by its text. @param {Page} page @param {string} text */
function editorLine(page, text) {
  return page.locator('.monaco-editor .view-line', { hasText: text }).first();
}

/** Rests the mouse on the middle of a token until a hover showing `expected` appears; returns its text. @param {Page} page @param {Locator} token @param {string} expected */
async function hover(page, token, expected) {
  const box = await waitFor(() => token.boundingBox(), { what: 'the token to hover to be laid out' });
  const widget = page.locator('.monaco-hover:visible', { hasText: expected }).first();
  await waitFor(async () => {
    // Move away and back, so that a hover that was dismissed, or asked for before the server was ready, is asked for again.
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    return widget.waitFor({ state: 'visible', timeout: 8_000 }).then(() => true);
  }, { what: `a hover containing "${expected}"`, timeoutMs: 90_000 });
  return widget.innerText();
}

/** Moves the mouse off the editor and closes any hover. @param {Page} page */
async function dismissHover(page) {
  await page.mouse.move(5, 450);
  await page.keyboard.press('Escape');
}

/** The total on the Problems tab ("Problems (Ctrl+Shift+M) - Total 10 Problems"). @param {Page} page */
async function problemCount(page) {
  const label = (await page.locator('.panel a.action-label[aria-label^="Problems"]').first().getAttribute('aria-label')) ?? '';
  const match = /Total (\d+) Problems?/.exec(label);
  return match ? Number(match[1]) : 0;
}

/** @param {Page} page @param {string} workspace a copy of examples/ served by code-server */
export async function runEndToEnd(page, workspace) {
  const file = join(workspace, 'op-stack', 'deploy-config.json');
  const before = readFileSync(file, 'utf8');
  const fundLine = before.split('\n').findIndex((l) => l.includes('"fundDevAccounts"')) + 1;
  // Where the collapsed address is the SystemConfig owner: no diagnostic there, so the hover is the holder's alone.
  const holderToken = editorLine(page, '"finalSystemOwner"').locator('span', { hasText: COLLAPSED }).last();

  await step('open op-stack/deploy-config.json from the explorer', async () => {
    await page.locator('.explorer-item', { hasText: 'op-stack' }).first().click();
    await page.locator('.explorer-item', { hasText: 'deploy-config.json' }).first().click();
    await editorLine(page, '"proxyAdminOwner"').waitFor();
  });

  await step('hover the collapsed address and read its powers', async () => {
    const text = await hover(page, holderToken, 'L1 ProxyAdmin owner');
    for (const expected of ['lumen-launch-multisig', 'upgrade', 'L1 ProxyAdmin owner', 'Guardian', 'Parties to collude']) {
      if (!text.includes(expected)) throw new Error(`The hover on ${COLLAPSED} does not mention "${expected}":\n${text}`);
    }
    await screenshot(page, 'hover.png');
    await dismissHover(page);
  });

  const problemsBefore = await step('open the Problems panel and find the role collapse', async () => {
    await editorLine(page, '"proxyAdminOwner"').click();
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'role-collapse' }).filter({ hasText: 'lumen-launch-multisig' }).first();
    await row.waitFor({ state: 'visible' });
    const text = await row.innerText();
    if (!text.includes('chokepoint') || !/\[Ln 15, Col \d+\]/.test(text)) throw new Error(`Unexpected role-collapse row in the Problems panel:\n${text}`);
    await hover(page, holderToken, 'L1 ProxyAdmin owner');
    await screenshot(page, 'problems-and-hover.png');
    await dismissHover(page);
    return problemCount(page);
  });

  await step(`choose "${FIX_TITLE}" from the quick fixes on fundDevAccounts`, async () => {
    // The Problems panel has the focus: give it back to the editor first.
    await editorLine(page, '"proxyAdminOwner"').click();
    await goToLine(page, fundLine);
    await editorLine(page, '"fundDevAccounts"').locator('span', { hasText: 'true' }).last().click();
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first();
    await fix.waitFor({ state: 'visible' });
    await screenshot(page, 'quick-fix.png');
    // The menu ignores the pointer until the mouse moves over it.
    const box = await waitFor(() => fix.boundingBox(), { what: 'the quick fix to be laid out' });
    await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 3 });
    await fix.click();
    await editorLine(page, '"fundDevAccounts": false').waitFor();
  });

  await step('save and find the fix on disk', async () => {
    await page.keyboard.press('Control+S');
    await waitFor(() => readFileSync(file, 'utf8').includes('"fundDevAccounts": false'), { what: `${file} to be saved with "fundDevAccounts": false`, timeoutMs: 30_000 });
    const after = readFileSync(file, 'utf8').split('\n');
    const changed = before.split('\n').filter((line, i) => line !== after[i]);
    if (changed.length !== 1) throw new Error(`The quick fix changed ${changed.length} lines on disk; expected only the fundDevAccounts line`);
  });

  await step('see the fixed problem leave the Problems panel', async () => {
    await waitFor(async () => (await problemCount(page)) < problemsBefore, { what: `fewer than ${problemsBefore} problems after the fix` });
  });
}

/** The language server processes of the extension installed in `extensionsDir`. @param {string} extensionsDir */
function serverProcesses(extensionsDir) {
  return processesMentioning(extensionsDir).filter((p) => p.command.includes('dist/server.js'));
}

/**
 * Kills the language server, as a crash would: the extension restarts it and says so, and the
 * restarted server lints the next edit (undoing the quick fix brings its problem back).
 * @param {Page} page @param {string} extensionsDir where the profile installed chokepoint.vsix
 */
export async function runServerRestartEndToEnd(page, extensionsDir) {
  const killed = await step('find the language server process and kill it', async () => {
    const [server] = await waitFor(() => (serverProcesses(extensionsDir).length === 1 ? serverProcesses(extensionsDir) : undefined), { what: 'one Chokepoint language server process' });
    process.kill(server.pid, 'SIGKILL');
    return server.pid;
  });
  const problemsAfterFix = await problemCount(page);

  await step('read that the server was restarted', async () => {
    const toast = page.locator('.notification-toast', { hasText: 'The Chokepoint language server stopped unexpectedly and was restarted' }).first();
    await toast.waitFor({ state: 'visible' });
    await waitFor(() => serverProcesses(extensionsDir).some((p) => p.pid !== killed), { what: 'a new language server process' });
    await toast.locator('.codicon-notifications-clear').first().click();
  });

  await step('undo the quick fix and see the restarted server report it again', async () => {
    await editorLine(page, '"fundDevAccounts"').click();
    await page.keyboard.press('Control+Z');
    await editorLine(page, '"fundDevAccounts": true').waitFor();
    await waitFor(async () => (await problemCount(page)) > problemsAfterFix, { what: `more than ${problemsAfterFix} problems once the restarted server lints the undone fix` });
  });
}

/**
 * A configuration too large to lint as you type (the workspace sets chokepoint.maxFileSizeMB to 1
 * and holds a 1.3 MB genesis, see browser-e2e.mjs): opening it says so with a "Lint with CLI"
 * action, and "Chokepoint: Lint File with CLI" from the command palette fills the Problems panel.
 * @param {Page} page
 */
export async function runLargeFileEndToEnd(page) {
  await step('open large-genesis/genesis.json from the explorer and read the message', async () => {
    await page.locator('.explorer-item', { hasText: 'large-genesis' }).first().click();
    await page.locator('.explorer-item', { hasText: 'genesis.json' }).first().click();
    const toast = page.locator('.notification-toast', { hasText: 'genesis.json is 1.3 MB, above chokepoint.maxFileSizeMB (1 MB): it is not linted as you type. Lint it with the CLI?' }).first();
    await toast.waitFor({ state: 'visible' });
    await toast.locator('.monaco-button', { hasText: 'Lint with CLI' }).first().waitFor({ state: 'visible' });
  });

  await step('run "Chokepoint: Lint File with CLI" from the command palette', async () => {
    await runCommand(page, 'Chokepoint: Lint File with CLI');
  });

  await step('find the CLI findings of the large genesis in the Problems panel', async () => {
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    const row = panel.locator('.monaco-list-row', { hasText: 'root-authority' }).filter({ hasText: 'x/circuit super admin' }).first();
    await row.waitFor({ state: 'visible' });
    const text = await row.innerText();
    if (!text.includes('chokepoint') || !/\[Ln 48, Col 22\]/.test(text)) throw new Error(`Unexpected root-authority row in the Problems panel:\n${text}`);
    await page.locator('.notification-toast', { hasText: 'Chokepoint CLI:' }).first().waitFor({ state: 'visible' });
  });
}
