// @ts-check
/**
 * Rule documentation opens offline, from the links a person clicks: the code of a diagnostic in the
 * Problems panel, the code in the hover of its squiggle, and the finding's line in Chokepoint's own
 * hover. Each opens the page bundled in the extension in the Markdown preview. Chromium resolves
 * no host but the local code-server (lib/browser.mjs), and no browser tab may open: a link to the
 * published page would open one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goToLine } from './lib/browser.mjs';
import { step } from './lib/step.mjs';
import { waitFor } from './lib/wait.mjs';

/** @typedef {import('playwright-core').Page} Page @typedef {import('playwright-core').Locator} Locator */

const RULE = 'role-collapse';
/** A heading of every rule page (server/src/engine/rules/docs.ts). */
const PAGE_TEXT = 'Default severity';

/** The Markdown preview's tab of the rule page, and its text once rendered. @param {Page} page */
async function previewOpened(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: `Preview ${RULE}.md` }).first();
  await tab.waitFor({ state: 'visible', timeout: 30_000 });
  await waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const heading = frame.locator('h1', { hasText: RULE });
      if ((await heading.count().catch(() => 0)) > 0 && (await frame.locator('body', { hasText: PAGE_TEXT }).count().catch(() => 0)) > 0) return true;
    }
    return undefined;
  }, { what: `the Markdown preview to show docs/rules/${RULE}.md`, timeoutMs: 30_000 });
  await tab.locator('.codicon-close').first().click();
  await tab.waitFor({ state: 'detached' });
}

/** Brings the deploy config's editor forward with the line holding `key` in view. @param {Page} page @param {string} file @param {string} key */
async function showLine(page, file, key) {
  const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1;
  await page.locator('.tabs-container .tab', { hasText: 'deploy-config.json' }).first().click();
  await goToLine(page, line);
  await page.locator('.monaco-editor .view-line', { hasText: `"${key}"` }).first().waitFor();
}

/** Rests the mouse on `token` until a hover holding `link` appears; returns the link. @param {Page} page @param {Locator} token @param {string} link a selector inside the hover */
async function hoverLink(page, token, link) {
  const box = await waitFor(() => token.boundingBox(), { what: 'the token to hover to be laid out' });
  const found = page.locator(`.monaco-hover:visible ${link}`).first();
  await waitFor(async () => {
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    return found.waitFor({ state: 'visible', timeout: 8_000 }).then(() => true);
  }, { what: `a hover with ${link}`, timeoutMs: 90_000 });
  return found;
}

/**
 * Leaves the deploy config's editor on its fundDevAccounts line, where the quick-fix step left it.
 * @param {Page} page with op-stack/deploy-config.json open and the Problems panel showing (e2e.mjs)
 * @param {string} workspace a copy of examples/ served by code-server
 */
export async function runDocsLinksEndToEnd(page, workspace) {
  const file = join(workspace, 'op-stack', 'deploy-config.json');
  /** Browser tabs opened by a link: none may open. @type {string[]} */
  const opened = [];
  const onPage = (/** @type {Page} */ other) => opened.push(other.url());
  page.context().on('page', onPage);
  // The collapsed address where it is the L1 ProxyAdmin owner: the role-collapse squiggle.
  const squiggled = () => page.locator('.monaco-editor .view-line', { hasText: '"proxyAdminOwner"' }).first().locator('span', { hasText: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8' }).last();
  try {
    await step(`click ${RULE} in the Problems panel and read the bundled page in the Markdown preview`, async () => {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
      const row = panel.locator('.monaco-list-row', { hasText: RULE }).filter({ hasText: 'lumen-launch-multisig' }).first();
      const code = row.locator('a.monaco-link', { hasText: RULE }).first();
      await code.waitFor({ state: 'visible' });
      const href = (await code.getAttribute('href')) ?? '';
      if (!href.startsWith('command:chokepoint.showDocumentation')) throw new Error(`The code link in the Problems panel is ${href}, not the command that opens the bundled page`);
      await code.click();
      await previewOpened(page);
    });

    await step(`click ${RULE} in the hover of its squiggle`, async () => {
      await showLine(page, file, 'proxyAdminOwner');
      const code = await hoverLink(page, squiggled(), `a.code-link:has-text("${RULE}")`);
      await code.click();
      await previewOpened(page);
    });

    await step(`click the ${RULE} line of Chokepoint's hover on the collapsed address`, async () => {
      await page.mouse.move(5, 450);
      await page.keyboard.press('Escape');
      await showLine(page, file, 'proxyAdminOwner');
      const link = await hoverLink(page, squiggled(), `a[data-href^="command:chokepoint.showDocumentation"][data-href*="${RULE}"]`);
      await link.click();
      await previewOpened(page);
    });
    if (opened.length > 0) throw new Error(`A rule documentation link opened a browser tab: ${opened.join(', ')}`);
  } finally {
    page.context().off('page', onPage);
    await page.mouse.move(5, 450);
    await page.keyboard.press('Escape');
    await showLine(page, file, 'fundDevAccounts');
  }
}
