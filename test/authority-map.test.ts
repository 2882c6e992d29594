import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cosmosGenesis } from '../bench/generate';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { docsUrl } from '../server/src/engine/rules/docs-url';
import { lintPaths } from '../server/src/engine/workspace';
import { KEPT_ENTRIES } from '../server/src/lsp/worker-protocol';
import { ensureBuiltCli } from './helpers/cli-run';
import { examplePath, LspClient } from './helpers/lsp-client';

/** `chokepoint/authorityMap`, the request behind "Chokepoint: Show Authority Map", over the protocol. */

interface AuthorityMap {
  html: string;
  title: string;
  version: number;
  files: { path: string; uri: string }[];
}

const WEBVIEW = { cspSource: 'vscode-webview://test', nonce: 'n0nceABC123', scripts: ['vscode-webview://test/dist/authority-map-view.js'] };

let client: LspClient | undefined;

ensureBuiltCli();

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function start(): Promise<LspClient> {
  client = new LspClient();
  await client.initialize({ rootPath: examplePath() });
  return client;
}

const mapOf = (c: LspClient, uri: string) => c.request<AuthorityMap | null>('chokepoint/authorityMap', { uri, webview: WEBVIEW });

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The start tags of the graph's nodes of one kind. */
const nodes = (html: string, kind: 'holder' | 'power') => [...html.matchAll(new RegExp(`<g class="node ${kind}-node[^>]*>`, 'g'))].map(([tag]) => tag);
const edges = (html: string) => [...html.matchAll(/<path class="edge[^>]*>/g)].map(([tag]) => tag);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function expectLockedDown(html: string) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&#39;/g, "'");
  expect(csp).toBe(`default-src 'none'; style-src ${WEBVIEW.cspSource} 'nonce-${WEBVIEW.nonce}'; img-src ${WEBVIEW.cspSource} data:; font-src ${WEBVIEW.cspSource}; script-src 'nonce-${WEBVIEW.nonce}'`);
  expect(html).toContain(`<style nonce="${WEBVIEW.nonce}">`);
  const scripts = [...html.matchAll(/<script[^>]*>/g)].map(([tag]) => tag);
  expect(scripts).toEqual([`<script nonce="${WEBVIEW.nonce}" src="${WEBVIEW.scripts[0]}">`]);
  expect(html).not.toMatch(/\sstyle="|\son\w+="/);
}

describe('chokepoint/authorityMap', () => {
  it('returns the OP deploy config\'s page: locked down, with a node for each holder and power, each at its config line', async () => {
    const c = await start();
    const path = examplePath('op-stack', 'deploy-config.json');
    const text = readFileSync(path, 'utf8');
    const uri = c.open(path, text);
    const map = (await mapOf(c, uri))!;

    expect(map.title).toBe('Authority map: chain 48213');
    expect(map.version).toBe(1);
    expect(map.files).toContainEqual({ path, uri });
    expectLockedDown(map.html);
    expect(map.html).toContain('<svg class="badge stage-0"');

    const holders = nodes(map.html, 'holder');
    expect(holders.map((tag) => attr(tag, 'data-entity'))).toHaveLength(4);
    const multisig = holders.find((tag) => attr(tag, 'data-entity') === 'lumen-launch-multisig')!;
    expect(attr(multisig, 'data-line')).toBe(String(lineOf(text, '"proxyAdminOwner"')));
    expect(attr(multisig, 'data-uri')).toBe(path);
    expect(multisig).toContain('risk-few');
    expect(map.html).toMatch(/<text class="parties-text" [^>]*>2<\/text><text class="node-label" [^>]*>lumen-launch-multisig</);

    const powers = nodes(map.html, 'power').map((tag) => attr(tag, 'data-power'));
    expect(powers).toEqual(['upgrade', 'pause', 'sequence', 'propose', 'challenge', 'set-params', 'receive-fees']);

    // The development key that orders transactions: a risky node and edge, at the batcher's line.
    const batcher = edges(map.html).find((tag) => attr(tag, 'data-power') === 'sequence' && tag.includes('risk-dev'))!;
    expect(attr(batcher, 'data-line')).toBe(String(lineOf(text, '"batchSenderAddress"')));
    expect(attr(batcher, 'data-path')).toBe('[&#34;batchSenderAddress&#34;]');
    expect(map.html).toContain('dev key: Anvil/Hardhat test account #2');
    // One edge for each holder and power: 2 + 1 + 1 + 4.
    expect(edges(map.html)).toHaveLength(8);
  });

  it('follows an edit: a new batcher address replaces the development key on the map', async () => {
    const c = await start();
    const path = examplePath('op-stack', 'deploy-config.json');
    const text = readFileSync(path, 'utf8');
    const uri = c.open(path, text);
    const before = (await mapOf(c, uri))!;
    expect(before.html).toContain('0x3C44…93BC');

    c.change(uri, text.replace('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x5B38Da6a701c568545dCfcB03FcB875f56beddC4'), 2);
    const after = (await mapOf(c, uri))!;
    expect(after.version).toBe(2);
    expect(after.html).not.toContain('0x3C44…93BC');
    const holder = nodes(after.html, 'holder').find((tag) => after.html.includes(`${tag}<title>0x5B38…ddC4`));
    expect(holder, 'a node for the new batcher').toBeDefined();
    expect(holder).toContain('risk-single');
    expect(attr(holder!, 'data-line')).toBe(String(lineOf(text, '"batchSenderAddress"')));
    expect(after.html).not.toContain('dev key:');
  });

  it('returns the Cosmos genesis\'s page, with its roles at their lines and its stake and supply curves', async () => {
    const c = await start();
    const path = examplePath('cosmos', 'genesis.json');
    const text = readFileSync(path, 'utf8');
    const map = (await mapOf(c, c.open(path, text)))!;
    expectLockedDown(map.html);
    const holders = nodes(map.html, 'holder');
    expect(holders).toHaveLength(2);
    // The x/circuit super admin (line 48) is also a governance authority; its node points at its first role.
    expect(holders.map((tag) => attr(tag, 'data-line'))).toEqual(['48', '99']);
    expect(nodes(map.html, 'power').map((tag) => attr(tag, 'data-power'))).toEqual(['pause', 'halt', 'govern', 'set-validators']);
    expect(map.html.match(/<svg class="lorenz"/g)).toHaveLength(2);
  });

  it('includes the stake and supply of a genesis whose balances the lint thread keeps back', async () => {
    const c = await start();
    const path = join(mkdtempSync(join(tmpdir(), 'chokepoint-map-')), 'genesis.json');
    const genesis = cosmosGenesis(600_000);
    writeFileSync(path, genesis);
    const { app_state: state } = JSON.parse(genesis);
    expect(state.bank.balances.length + state.genutil.gen_txs.length).toBeGreaterThan(KEPT_ENTRIES);
    const map = (await mapOf(c, c.open(path, genesis)))!;
    expect(map.html.match(/<figure class="distribution" data-kind="(voting-power|supply)"/g)).toHaveLength(2);
  });

  it('counts the findings of the whole chain, those the lint placed in the chain\'s other files too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-map-chain-'));
    const deploy = readFileSync(examplePath('op-stack', 'deploy-config.json'), 'utf8');
    const manifest = 'appchain:\n  name: Two Files\n  network: mainnet\ngovernance:\n  roles:\n    - role: minter\n      holder: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"\n      powers: [mint]\n';
    writeFileSync(join(dir, 'deploy-config.json'), deploy);
    writeFileSync(join(dir, 'appchain.yaml'), manifest);
    const linted = lintPaths([dir], { resolver: new ConfigResolver(), now: new Date() });
    const inManifest = linted.reports.find((r) => r.uri.endsWith('appchain.yaml'))!.findings;
    expect(inManifest.length).toBeGreaterThan(0);
    const errors = linted.reports.flatMap((r) => r.findings).filter((f) => f.severity === 'error').length;

    const c = await start();
    const map = (await mapOf(c, c.open(join(dir, 'deploy-config.json'), deploy)))!;
    expect(map.html).toContain(`<p><strong>${errors}</strong> errors,`);
    for (const finding of inManifest) expect(map.html).toContain(`<a href="${docsUrl(finding.ruleId)}">${finding.ruleId}</a>`);
  });

  it('answers null for a file that is no configuration Chokepoint recognizes, and for one it does not have', async () => {
    const c = await start();
    const uri = c.open(join(tmpdir(), 'package.json'), '{ "name": "not-a-chain" }');
    expect(await mapOf(c, uri)).toBeNull();
    expect(await mapOf(c, 'file:///nowhere/deploy-config.json')).toBeNull();
  });
});
