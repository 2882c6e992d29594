// @ts-check
/**
 * "Chokepoint: Show Authority Map" in the browser, as a person would use it: run the command on the
 * OP deploy config, see the graph in the webview beside the editor (with no Content Security
 * Policy violation), click the development key's node and find its config line selected in the
 * editor, then edit that line and see the map follow. Saves docs/images/authority-map.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickOpen, runCommand } from './lib/browser.mjs';
import { SCREENSHOTS_DIR } from './lib/paths.mjs';
import { step } from './lib/step.mjs';
import { waitFor } from './lib/wait.mjs';

/** @typedef {import('playwright-core').Page} Page @typedef {import('playwright-core').Frame} Frame */

const DEV_KEY = '0x3C44…93BC';
const NEW_BATCHER = '0x5B38Da6a701c568545dCfcB03FcB875f56beddC4';


/** The webview's inner frame (code-server nests it in two iframes) once it shows the graph. @param {Page} page @returns {Promise<Frame>} */
function mapFrame(page) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      if (await frame.locator('svg.authority-graph').count().catch(() => 0)) return frame;
    }
    return undefined;
  }, { what: 'the authority map webview to show its graph', timeoutMs: 60_000 });
}

/** The cursor's place in the status bar: [line, selected characters]. @param {Page} page */
async function cursor(page) {
  const text = (await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText()).trim();
  const match = /Ln (\d+), Col \d+(?: \((\d+) selected\))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

/** @param {Page} page @param {string} workspace a copy of examples/ served by code-server */
export async function runAuthorityMapEndToEnd(page, workspace) {
  const text = readFileSync(join(workspace, 'op-stack', 'deploy-config.json'), 'utf8');
  const batcherLine = text.split('\n').findIndex((l) => l.includes('"batchSenderAddress"')) + 1;
  /** Console errors and page errors from every frame, the webview's included. @type {string[]} */
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const cspViolations = () => problems.filter((p) => /Content Security Policy|Refused to (load|execute|apply)/i.test(p));

  await step('make op-stack/deploy-config.json the active editor and hide the side bar and panel', async () => {
    // Quick Open focuses the editor whatever the earlier steps left scrolled or focused (clicking its tab
    // restored a view in which the line to click was not always rendered).
    await quickOpen(page, 'op-stack/deploy-config.json', '"l2ChainID"');
    await page.locator('.monaco-editor .view-line', { hasText: '"batchSenderAddress"' }).first().waitFor();
    // Room for the map beside the editor.
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
  });

  const frame = await step('run "Chokepoint: Show Authority Map" from the command palette', async () => {
    await runCommand(page, 'Chokepoint: Show Authority Map');
    await page.locator('.tabs-container .tab', { hasText: 'Authority map: chain 48213' }).first().waitFor({ state: 'visible' });
    return mapFrame(page);
  });

  await step('read the stage, the holders and the powers in the webview, with its script running under the CSP', async () => {
    const stage = (await frame.locator('svg.badge .badge-text').first().textContent())?.trim();
    if (stage !== 'Stage 0') throw new Error(`The map's stage badge says "${stage}", expected "Stage 0"`);
    const graph = frame.locator('svg.authority-graph');
    const holders = await graph.locator('g.holder-node').count();
    const powers = await graph.locator('g.power-node').count();
    if (holders !== 4 || powers !== 7) throw new Error(`The graph has ${holders} holders and ${powers} powers; expected 4 and 7`);
    for (const label of ['lumen-launch-multisig', DEV_KEY, 'Upgrade contracts', 'Order transactions']) {
      if ((await graph.locator('text', { hasText: label }).count()) === 0) throw new Error(`The graph does not show "${label}"`);
    }
    // The view script makes the nodes focusable: it was allowed to run.
    await waitFor(async () => (await graph.locator('g.holder-node[tabindex="0"]').count()) === 4, { what: 'the view script to make the nodes focusable', timeoutMs: 10_000 });
    if (cspViolations().length > 0) throw new Error(`Content Security Policy violations:\n${cspViolations().join('\n')}`);
    // For the screenshot: the graph in view, no notifications over it.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.notification-toast').first().waitFor({ state: 'hidden' });
    await graph.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'authority-map.png') });
  });

  await step(`click the development key's node and find line ${batcherLine} selected in the editor`, async () => {
    await frame.locator('svg.authority-graph g.holder-node', { hasText: DEV_KEY }).click();
    await waitFor(async () => {
      const place = await cursor(page);
      return place && place[0] === batcherLine && place[1] > 0;
    }, { what: `the editor's selection on line ${batcherLine}`, timeoutMs: 20_000 });
  });

  await step('replace the development key in the editor and see the map follow', async () => {
    // The selection is the whole batchSenderAddress line.
    await page.keyboard.insertText(`"batchSenderAddress": "${NEW_BATCHER}",`);
    // The webview replaces its frame when the page changes: look for the graph again each time.
    await waitFor(async () => {
      const graph = (await mapFrame(page)).locator('svg.authority-graph g.holder-node .node-label');
      const labels = await graph.allTextContents().catch(() => /** @type {string[]} */ ([]));
      return labels.includes('0x5B38…ddC4') && !labels.includes(DEV_KEY);
    }, { what: 'the map to show the new batcher instead of the development key', timeoutMs: 30_000 });
    const scrolled = await (await mapFrame(page)).evaluate('window.scrollY');
    if (!(Number(scrolled) > 0)) throw new Error(`The updated map jumped back to the top (scrollY ${scrolled}); the reader's place should be kept`);
    if (cspViolations().length > 0) throw new Error(`Content Security Policy violations:\n${cspViolations().join('\n')}`);
  });

  await step('click a rule in the map and read its bundled page in the Markdown preview', async () => {
    const link = (await mapFrame(page)).locator('a[href^="command:chokepoint.showDocumentation"]', { hasText: 'role-collapse' }).first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Preview role-collapse.md' }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await tab.locator('.codicon-close').first().click();
  });
}
