/**
 * Issue 16: the HTML report and the authority map of the injection corpus, opened in headless
 * Chromium with every request, console message and compiled script logged. The report is static:
 * nothing may be requested and no script may run. The authority map is a webview page: it loads the
 * extension's own view script with the nonce, and nothing else; no script from a config may run.
 * Every corpus string carries `<img src=… onerror="window.__pwned=1">`-style payloads (the html one),
 * links and images to evil.example, so a leak would show as a request, a console error (a CSP
 * refusal) or a script.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOfflineDocsLinks } from '../client/src/doc-links';
import type { AuthorityMapResult } from '../server/src/lsp/authority-map';
import { chromiumAvailable, launchChromium, warnIfNoChromium } from './helpers/chromium';
import { BUILT_CLI, ensureBuiltCli, REPO, temporaryFolders } from './helpers/cli-run';
import { writeHostileFolder } from './helpers/hostile-fixtures';
import { HOSTILE_STRINGS } from './helpers/hostile-strings';
import { LspClient } from './helpers/lsp-client';
import { htmlProblems, isOurUrl } from './helpers/markup-checks';

warnIfNoChromium('injection-browser.test.ts');
ensureBuiltCli();
const folder = temporaryFolders('chokepoint-corpus-browser-');

/** What a page did: every request, console message and page error, and every script compiled in its own world. */
interface PageLog {
  requests: string[];
  console: string[];
  errors: string[];
  scripts: { url: string; source: string }[];
}

/**
 * Opens `url` in a fresh page: `serve` answers the requests it knows (the page itself, a script of
 * ours), every other request is recorded and aborted. Scripts are logged through the DevTools
 * protocol, those of Playwright's own isolated world left out.
 */
async function open(browser: Browser, url: string, serve: Record<string, { body: string; contentType: string }>): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const log: PageLog = { requests: [], console: [], errors: [], scripts: [] };
  const cdp = await page.context().newCDPSession(page);
  const parsed: { scriptId: string; url: string }[] = [];
  cdp.on('Debugger.scriptParsed', (event) => {
    if ((event.executionContextAuxData as { isDefault?: boolean } | undefined)?.isDefault) parsed.push({ scriptId: event.scriptId, url: event.url });
  });
  await cdp.send('Debugger.enable');
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log.errors.push(error.message));
  await page.route('**/*', (route) => {
    const answer = serve[route.request().url()];
    return answer ? route.fulfill({ status: 200, contentType: answer.contentType, body: answer.body }) : route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  // Scripts compiled so far, before this test evaluates anything in the page itself.
  for (const script of parsed.splice(0)) log.scripts.push({ url: script.url, source: (await cdp.send('Debugger.getScriptSource', { scriptId: script.scriptId })).scriptSource });
  await cdp.detach();
  return { page, log };
}

/**
 * Run in the page (as text: this project's TypeScript has no DOM library): the elements we never
 * write, event handlers, resource and style attributes, every link, and whether a payload ran.
 */
const DOM_PROBE = `(() => {
  const problems = [];
  for (const element of document.querySelectorAll('img, iframe, object, embed, video, audio, source, link, base, form, input, frame, meta[http-equiv="refresh"]')) problems.push('element ' + element.outerHTML.slice(0, 120));
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) problems.push('handler ' + attribute.name + ' on ' + element.tagName);
      if (/^(src|srcset|background|style)$/i.test(attribute.name) && element.tagName !== 'SCRIPT') problems.push(attribute.name + ' on ' + element.tagName);
    }
  }
  return { problems, hrefs: [...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href')), pwned: window.__pwned };
})()`;

/** What the DOM holds that a config could have put there: elements we never write, handlers, links away, and whether a payload ran. */
async function domProblems(page: Page): Promise<string[]> {
  const found = await page.evaluate<{ problems: string[]; hrefs: string[]; pwned: unknown }>(DOM_PROBE);
  return [...found.problems, ...found.hrefs.filter((href) => !isOurUrl(href)).map((href) => `link to ${href}`), ...(found.pwned === undefined ? [] : ['window.__pwned is set'])];
}

describe.skipIf(!chromiumAvailable)('the corpus in headless Chromium', () => {
  let browser: Browser;
  let root: string;

  beforeAll(async () => {
    root = folder();
    for (const hostile of HOSTILE_STRINGS) writeHostileFolder(root, hostile);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the HTML report requests nothing and runs no script at all', async () => {
    const run = spawnSync(process.execPath, [BUILT_CLI, 'report', '.', '--format', 'html', '--output', 'report.html'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const path = join(root, 'report.html');
    const url = pathToFileURL(path).href;
    const { page, log } = await open(browser, url, { [url]: { body: readFileSync(path, 'utf8'), contentType: 'text/html' } });
    const problems = await domProblems(page);
    const headings = await page.locator('h2').allTextContents();
    await page.close();
    expect(log.requests).toEqual([url]);
    expect(log.console).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.scripts).toEqual([]);
    expect(problems).toEqual([]);
    // The hostile names are on the page, as text (a heading shows a chain's name up to 120 characters).
    const name = 'manifest-chain-name Html <img src=https://evil.example/img.png onerror="window.__pwned=1"><script>window.__pwned=1</script><iframe src="https://evil.example/frame"></iframe>';
    expect(headings).toContain(`${name.slice(0, 119)}…`);
  }, 120_000);

  it('the authority map loads the extension\'s view script and nothing else, and runs no script of a config\'s', async () => {
    const origin = 'https://webview.test';
    const nonce = 'fixedNonce0123456789';
    // Our two scripts, as the extension's webview has them: VS Code's API (stubbed here), then the view script.
    const api = `${origin}/vscode-api.js`;
    const view = `${origin}/dist/authority-map-view.js`;
    const apiSource = 'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__posted.push(message) });';
    const viewSource = readFileSync(join(REPO, 'dist', 'authority-map-view.js'), 'utf8');
    const client = new LspClient();
    try {
      await client.initialize({ rootPath: root });
      for (const hostile of HOSTILE_STRINGS) {
        for (const file of ['appchain/appchain.yaml', 'op/chain.toml']) {
          const where = `${hostile.id}/${file}`;
          const path = join(root, where);
          const uri = client.open(path, readFileSync(path, 'utf8'));
          const map = await client.request<AuthorityMapResult | null>('chokepoint/authorityMap', { uri, webview: { cspSource: origin, nonce, scripts: [api, view] } });
          client.close(uri);
          expect(map, where).not.toBeNull();
          // As the extension sets it: rule pages turned into its command.
          const html = withOfflineDocsLinks(map!.html);
          // The page as text first: only our two scripts, with the nonce; no element, handler or link of the config's.
          expect(htmlProblems(html, [api, view].map((src) => ({ src, nonce }))), where).toEqual([]);
          const page = `${origin}/${where.replace(/\//g, '-')}.html`;
          const opened = await open(browser, page, {
            [page]: { body: html, contentType: 'text/html' },
            [api]: { body: apiSource, contentType: 'text/javascript' },
            [view]: { body: viewSource, contentType: 'text/javascript' },
          });
          const problems = await domProblems(opened.page);
          // The view script ran (it made the graph's nodes focusable; a click asks to reveal a line): scripts are not simply off.
          const focusable = await opened.page.locator('.authority-graph .node[tabindex="0"]').count();
          await opened.page.dispatchEvent('.authority-graph .node[data-line]', 'click');
          const posted = await opened.page.evaluate<unknown[]>('window.__posted');
          await opened.page.close();
          expect(opened.log.requests, where).toEqual([page, api, view]);
          expect(opened.log.console, where).toEqual([]);
          expect(opened.log.errors, where).toEqual([]);
          expect(opened.log.scripts.map((s) => s.url), where).toEqual([api, view]);
          expect(opened.log.scripts.map((s) => s.source), where).toEqual([apiSource, viewSource]);
          expect(problems, where).toEqual([]);
          expect(focusable, where).toBeGreaterThan(0);
          expect(posted, where).toEqual([expect.objectContaining({ type: 'reveal' })]);
        }
      }
    } finally {
      await client.stop();
    }
  }, 300_000);
});
