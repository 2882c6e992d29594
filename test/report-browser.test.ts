import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportData, fileLocator, renderHtml } from '../server/src/report';
import { chromiumAvailable, launchChromium, warnIfNoChromium } from './helpers/chromium';
import { lintFile } from './helpers/lint';

warnIfNoChromium('report-browser.test.ts');

const EXAMPLES = [
  { name: 'cosmos', file: 'examples/cosmos/genesis.json', badge: 'No stage', lorenz: 2, holders: 2 },
  { name: 'op', file: 'examples/op-stack/deploy-config.json', badge: 'Stage 0', lorenz: 0, holders: 4 },
];

describe.skipIf(!chromiumAvailable)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chokepoint-report-browser-'));
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const example of EXAMPLES) {
    it(`renders ${example.file} with no script, console or request errors, and its charts visible`, async () => {
      const data = buildReportData([lintFile(example.file)], { display: (uri) => relative(process.cwd(), uri), locate: fileLocator() });
      // The bundle stamps its version; from source the report says 0.0.0-dev, which a screenshot should not show.
      data.version = JSON.parse(readFileSync('package.json', 'utf8')).version;
      const path = join(dir, `${example.name}.html`);
      writeFileSync(path, renderHtml(data));
      const url = pathToFileURL(path).href;

      const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, colorScheme: 'light' });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
      page.on('request', (request) => {
        if (request.url() !== url) problems.push(`unexpected request: ${request.url()}`);
      });
      await page.goto(url, { waitUntil: 'load' });

      await expect.poll(() => page.locator('svg.badge').first().isVisible()).toBe(true);
      expect(await page.locator('svg.badge .badge-text').first().textContent()).toBe(example.badge);
      expect(await page.locator('svg.rosette').isVisible()).toBe(true);
      expect(await page.locator('svg.rosette path.wedge').count()).toBe(5);
      expect(await page.locator('svg.lorenz').count()).toBe(example.lorenz);
      for (const chart of await page.locator('svg.lorenz').all()) {
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box!.width).toBeGreaterThan(200);
        expect(await chart.locator('polyline.lorenz-line').count()).toBe(1);
      }
      const graph = page.locator('svg.authority-graph');
      expect(await graph.isVisible()).toBe(true);
      expect(await graph.locator('g.holder-node').count()).toBe(example.holders);
      expect((await graph.boundingBox())!.width).toBeGreaterThan(500);
      // The stylesheet applied (the CSP lets the inline one in): the badge takes its colour from it.
      expect(await page.locator('svg.badge .badge-bg').first().evaluate('(el) => getComputedStyle(el).fill')).not.toBe('rgb(0, 0, 0)');
      expect(await page.locator('script').count()).toBe(0);

      if (process.env.UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: join('docs', 'images', `report-${example.name}.png`) });
      await page.close();
      expect(problems).toEqual([]);
    }, 60_000);
  }
});
