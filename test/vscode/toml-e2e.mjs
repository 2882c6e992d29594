// @ts-check
/**
 * TOML in the browser, with no TOML extension installed: open the op-deployer intent of examples/
 * and see Chokepoint's own grammar colour it (a table name, a key, a string and a comment apart
 * from plain text and from each other), the `chokepoint:` directive in a comment apart from the rest
 * of the comment. Saves docs/images/toml.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { quickOpen, runCommand } from './lib/browser.mjs';
import { SCREENSHOTS_DIR } from './lib/paths.mjs';
import { step } from './lib/step.mjs';
import { waitFor } from './lib/wait.mjs';

/** @typedef {import('playwright-core').Page} Page */

const LINE = 'ProtocolVersionsOwner';
const TABLE = 'superchainRoles';

/** The text and colour of each token the editor shows on the line containing `text`. @param {Page} page @param {string} text */
function tokenColours(page, text) {
  return page.locator('.monaco-editor .view-line', { hasText: text }).first().locator('span[class^="mtk"]').evaluateAll((spans) => spans.map((span) => ({ text: span.textContent ?? '', colour: /** @type {any} */ (globalThis).getComputedStyle(span).color })));
}

/** @param {Page} page */
export async function runTomlEndToEnd(page) {
  await step('open op-stack/second-chain/intent.toml with Quick Open', async () => {
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await quickOpen(page, 'second-chain/intent.toml', LINE);
  });

  await step('see the table name, the key, the string, the comment and the directive in colours of their own', async () => {
    /** @type {{ text: string, colour: string }[]} */
    let tokens = [];
    const colourOf = (/** @type {string} */ text) => tokens.find((t) => t.text.trim() === text)?.colour;
    await waitFor(async () => {
      tokens = [...(await tokenColours(page, LINE)), ...(await tokenColours(page, `[${TABLE}]`))];
      const colours = ['=', TABLE, LINE, '"0x847B5c174615B1B7fDF770882256e2D3E95b9D92"', '#', 'chokepoint'].map(colourOf);
      return colours.every(Boolean) && new Set(colours).size === colours.length;
    }, { what: `plain text, the table name and the key, string, comment and directive of the ${LINE} line in six colours`, timeoutMs: 30_000 }).catch((error) => {
      throw new Error(`${error.message}; its tokens: ${JSON.stringify(tokens)}`);
    });
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'toml.png') });
  });
}
