import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../server/src/cli/main';
import { ConfigResolver } from '../server/src/engine/config/discover';
import type { FileReport } from '../server/src/engine/lint';
import { NAKAMOTO, nakamoto } from '../server/src/engine/metrics';
import { parseDocument } from '../server/src/engine/parse';
import { DOCS_BASE_URL } from '../server/src/engine/rules/docs-url';
import { FEWEST_PARTIES, summarize, summaryText } from '../server/src/engine/summary';
import { lintPaths } from '../server/src/engine/workspace';
import { buildReportData, fileLocator, renderHtml, renderMarkdown, type ChainReport } from '../server/src/report';
import { LORENZ_POINTS, lorenz } from '../server/src/report/distributions';
import { lintFile, lintSource, TODAY } from './helpers/lint';

const display = (uri: string) => relative(process.cwd(), uri);
const reportOf = (reports: FileReport[]) => buildReportData(reports, { display, locate: fileLocator() });
const chainOf = (report: FileReport): ChainReport => reportOf([report]).chains[0];

const cosmos = chainOf(lintFile('examples/cosmos/genesis.json'));
const op = chainOf(lintFile('examples/op-stack/deploy-config.json'));

describe('report data for a Cosmos genesis (an L1, not a rollup)', () => {
  it('has no L2BEAT stage and says why', () => {
    expect(cosmos.rollup).toBe(false);
    expect(cosmos.stage).toMatchObject({ applies: false, requirements: [] });
    expect(cosmos.stage.note).toMatch(/^Not a rollup/);
  });

  it('marks every rosette risk not applicable, with the reason', () => {
    expect(cosmos.risks.map((r) => [r.id, r.sentiment, r.value])).toEqual([
      ['state-validation', 'na', 'Not a rollup'],
      ['data-availability', 'na', 'Not a rollup'],
      ['exit-window', 'na', 'Not a rollup'],
      ['sequencer-failure', 'na', 'Not a rollup'],
      ['proposer-failure', 'na', 'Not a rollup'],
    ]);
    for (const risk of cosmos.risks) expect(risk.reason).toMatch(/^Not a rollup: .+\.$/);
  });

  it('lists powers by entity, with the parties to collude and the line of each role', () => {
    expect(cosmos.holders.map((h) => ({ label: h.label, kind: h.kind, parties: h.parties, powers: h.powers, lines: h.roles.map((r) => r.origin.line) }))).toEqual([
      { label: 'lumen1…9alf', kind: 'an undeclared address', parties: 1, powers: ['pause', 'halt', 'govern'], lines: [48, 28] },
      { label: 'lumen1…26s7', kind: 'an undeclared address', parties: 1, powers: ['set-validators'], lines: [99] },
    ]);
    expect(cosmos.holders[0].roles[0]).toMatchObject({ title: 'x/circuit super admin', origin: { file: 'examples/cosmos/genesis.json', path: ['app_state', 'circuit', 'account_permissions', 0, 'address'] } });
  });

  it('computes the supply metrics as by hand: shares 45/30/20/4/1%', () => {
    const supply = cosmos.distributions.find((d) => d.kind === 'supply')!;
    // HHI 45²+30²+20²+4²+1²; Gini from the ascending shares: 2·(1·.01+2·.04+3·.20+4·.30+5·.45)/5 − 6/5 = 0.456.
    expect(supply).toMatchObject({ holders: 5, total: '1000000000000000000000000000', nakamotoHalt: 1, nakamotoSafety: 2, hhi: 3342 });
    expect(supply.topShare).toBeCloseTo(0.45, 9);
    expect(supply.gini).toBeCloseTo(0.456, 6);
    expect(supply.lorenz.map(([x, y]) => [x, Number(y.toFixed(6))])).toEqual([[0, 0], [0.2, 0.01], [0.4, 0.05], [0.6, 0.25], [0.8, 0.55], [1, 1]]);
    // The largest holder alone exceeds 1/3: the curve's last segment; the two largest exceed 2/3.
    expect(supply.marks.halt.map((v) => Number(v.toFixed(6)))).toEqual([0.8, 0.55]);
    expect(supply.marks.safety.map((v) => Number(v.toFixed(6)))).toEqual([0.6, 0.25]);
    expect(supply.top.map((t) => t.label)).toEqual(['lumen1…nrt9', 'lumen1…f53s', 'lumen1…azqx', 'lumen1…9alf', 'lumenv…4ash']);
    const power = cosmos.distributions.find((d) => d.kind === 'voting-power')!;
    expect(power).toMatchObject({ holders: 1, nakamotoHalt: 1, nakamotoSafety: 1, hhi: 10_000 });
  });

  it('says who controls each layer: governance by default, the root key, the lone validator', () => {
    expect(cosmos.layers.map((l) => [l.layer, l.control, l.controller])).toEqual([
      ['application', 'chain', 'on-chain governance'],
      ['governance', 'single-key', 'lumen1…9alf'],
      ['execution', 'single-key', 'lumenv…4ash'],
      ['data-availability', 'single-key', 'lumenv…4ash'],
      ['inference', 'not-configured', 'not configured'],
      ['settlement', 'single-key', 'lumenv…4ash'],
    ]);
    expect(cosmos.layers[1].reason).toMatch(/x\/circuit super admin.*Also: lumen1…26s7 \(a single key\)\.$/);
    expect(cosmos.layers[2].reason).toBe('lumenv…4ash holds 100% of the validator voting power: it alone commits every block.');
  });
});

describe('report data for a Cosmos consumer genesis that leaves its upgrade authority to the binary', () => {
  const consumer = chainOf(lintFile('test/fixtures/rules/unstated-authority/fires-consumer-without-gov.json'));

  it('says the governance layer is unknown and names the missing fact, not "not configured"', () => {
    const governance = consumer.layers.find((l) => l.layer === 'governance')!;
    expect(governance).toMatchObject({ control: 'unknown', controller: 'not stated' });
    expect(governance.reason).toMatch(/no x\/gov module.*Missing: the authority the chain's binary gives x\/upgrade\.$/);
  });

  it('gives execution to the provider chain that will launch it, a third party', () => {
    expect(consumer.layers.find((l) => l.layer === 'execution')).toMatchObject({ control: 'third-party' });
  });
});

describe('report data for an OP Stack deploy config', () => {
  it('is Stage 0, listing each unmet requirement with the findings that break it', () => {
    expect(op.stage).toMatchObject({ applies: true, kind: 'rollup', stage: 0, bound: 'exact', text: 'Stage 0', missing: [] });
    const unmet = op.stage.requirements.filter((r) => r.status === 'unmet');
    expect(unmet.map((r) => r.id)).toEqual(['outside-challengers', 'exit-window-7d', 'permissionless-proofs', 'exit-window-30d']);
    // One whitelisted challenger, where L2BEAT asks for at least 5.
    expect(unmet[0].findings.map((f) => [f.ruleId, f.line])).toEqual([['permissioned-proofs', 37]]);
    expect(unmet[1].findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['short-exit-window', 'examples/op-stack/deploy-config.json', 15]]);
    expect(unmet[1].findings[0].docs).toBe(`${DOCS_BASE_URL}/short-exit-window.md`);
    expect(unmet[2].findings.map((f) => [f.ruleId, f.line])).toEqual([['permissioned-proofs', 37]]);
    // The Batcher is a development key, but it cannot upgrade: that requirement is met.
    expect(op.stage.requirements.find((r) => r.id === 'no-dev-key-upgrader')?.status).toBe('met');
    expect(op.stage.requirements.filter((r) => r.status === 'unknown')).toEqual([]);
  });

  it('scores the five risks as L2BEAT would', () => {
    expect(op.risks.map((r) => [r.id, r.sentiment, r.value])).toEqual([
      ['state-validation', 'bad', 'Permissioned'],
      ['data-availability', 'good', 'Parent chain'],
      ['exit-window', 'bad', 'None'],
      ['sequencer-failure', 'good', '2 days'],
      ['proposer-failure', 'bad', 'Cannot withdraw'],
    ]);
    expect(op.risks[2].reason).toBe('lumen-launch-multisig can upgrade with no delay while withdrawals take 7 days, leaving users no time at all to exit.');
    expect(op.risks[2].origin).toMatchObject({ file: 'examples/op-stack/deploy-config.json', line: 15, path: ['proxyAdminOwner'] });
  });

  it('aggregates the multisig\'s six roles into one row, single keys first', () => {
    expect(op.holders.map((h) => [h.label, h.parties, h.powers.join(' ')])).toEqual([
      ['0x7aE1…f8A9', 1, 'propose challenge'],
      ['0x3C44…93BC', 1, 'sequence'],
      ['0x4C1f…E8f9', 1, 'sequence'],
      ['lumen-launch-multisig', 2, 'upgrade pause set-params receive-fees'],
    ]);
    expect(op.holders[1].kind).toBe('a public development key (Anvil/Hardhat test account #2)');
    expect(op.holders[3].kind).toBe('a 2-of-3 multisig');
    expect(op.holders[3].roles.map((r) => r.origin.line)).toEqual([15, 16, 17, 18, 19, 20]);
  });

  it('finds the development key sequencing, the parent chain keeping data, and nothing configured for inference', () => {
    const layer = Object.fromEntries(op.layers.map((l) => [l.layer, l]));
    expect(layer.execution).toMatchObject({ control: 'single-key', controller: '0x3C44…93BC' });
    expect(layer.execution.reason).toMatch(/public development key/);
    expect(layer['data-availability']).toMatchObject({ control: 'third-party', controller: 'the parent chain' });
    expect(layer.settlement).toMatchObject({ control: 'single-key', controller: '0x7aE1…f8A9' });
    expect(layer.inference.control).toBe('not-configured');
    expect(op.distributions).toEqual([]);
    expect(op.findings).toMatchObject({ errors: 5, warnings: 5, suppressed: 1 });
  });
});

describe('report data for the AI-appchain manifest', () => {
  const appchain = chainOf(lintFile('examples/appchain/appchain.yaml'));

  it('gives no stage to a chain that settles on Base but keeps its data on Celestia, and says why', () => {
    expect(appchain.rollup).toBe(true);
    expect(appchain.stage).toMatchObject({ applies: false, kind: 'offchain-data', text: 'No stage', requirements: [] });
    expect(appchain.stage.note).toMatch(/keeps its transaction data off it/);
  });

  it('explains an unmet requirement by its suppressed finding when no active one does', () => {
    // The same manifest with its data on the parent chain: a rollup, so its stage requirements apply.
    const path = resolve('examples/appchain/appchain.yaml');
    const text = readFileSync(path, 'utf8').replace(/  dataAvailability:\n(    .*\n)+/, '');
    const rollup = chainOf(lintSource(path, text));
    const inclusion = rollup.stage.requirements.find((r) => r.id === 'forced-inclusion')!;
    expect(inclusion.status).toBe('unmet');
    expect(inclusion.findings.map((f) => [f.ruleId, f.line, f.suppressed])).toEqual([['forced-inclusion-window', 77, 'forced inclusion ships with the v2 bridge; tracked in LUM-142']]);
  });

  it('names the third parties the chain borrows its layers from', () => {
    expect(appchain.layers.map((l) => [l.layer, l.control, l.controller])).toEqual([
      ['application', 'single-key', 'lumen-deployer'],
      ['governance', 'chain', 'Lumen token holders'],
      ['execution', 'third-party', 'Lumen Labs'],
      ['data-availability', 'third-party', 'Walrus'],
      ['inference', 'third-party', 'OpenGradient Labs'],
      ['settlement', 'third-party', 'Base Security Council'],
    ]);
    expect(appchain.risks.find((r) => r.id === 'data-availability')).toMatchObject({ sentiment: 'warning', value: 'External' });
  });
});

describe('the Lorenz curve of a large distribution', () => {
  it('keeps at most LORENZ_POINTS points, exact at the Nakamoto marks, with amounts beyond 2^64', () => {
    const n = 100_000;
    const unit = 10n ** 24n;
    const amounts = [BigInt(n) * 30_000n * unit, ...Array.from({ length: n }, (_, i) => BigInt(n - i) * unit)];
    const total = amounts.reduce((a, b) => a + b, 0n);
    const halt = nakamoto(amounts, total, 1n, 3n);
    const safety = nakamoto(amounts, total, 2n, 3n);
    // The whale holds 3e9 of 8e9 units (37.5%): alone over a third; two thirds take thousands more.
    expect(halt).toBe(1);
    expect(safety).toBeGreaterThan(1_000);
    const { curve, marks } = lorenz(amounts, total, [amounts.length - halt, amounts.length - safety]);
    expect(curve.length).toBeLessThanOrEqual(LORENZ_POINTS);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve.at(-1)).toEqual([1, 1]);
    for (let i = 1; i < curve.length; i++) expect(curve[i][0] > curve[i - 1][0] && curve[i][1] >= curve[i - 1][1]).toBe(true);
    // Everyone but the fewest largest holders over 1/3 holds under 2/3, and over 2/3 under 1/3.
    expect(marks[0][0]).toBe(n / (n + 1));
    expect(marks[0][1]).toBeCloseTo(1 - 3 / 8.00005, 9);
    expect(marks[1][0]).toBeCloseTo((n + 1 - safety) / (n + 1), 12);
    expect(marks[1][1]).toBeLessThan(1 / 3);
    expect(marks[1][1]).toBeGreaterThan(1 / 3 - 0.001);
    expect(curve).toContainEqual(marks[0]);
    expect(curve).toContainEqual(marks[1]);
  });
});

describe('Markdown for a pull-request comment', () => {
  const text = renderMarkdown(reportOf([lintFile('examples/op-stack/deploy-config.json'), lintFile('examples/cosmos/genesis.json')]));

  it('has the stage, unmet requirements linked to rule docs, risks, powers, metrics, layers and findings', () => {
    expect(text).toContain('### chain 48213');
    expect(text).toContain('**Stage 0** · OP Stack · mainnet · settles on Ethereum mainnet (chain id 1)');
    expect(text).toContain(`- Stage 1: Users have at least 7 days to exit before an upgrade by anyone less trusted than a 75% Security Council ([short-exit-window](${DOCS_BASE_URL}/short-exit-window.md) at \`examples/op-stack/deploy-config.json:15\`)`);
    expect(text).toContain('| Exit window | 🔴 bad | None |');
    expect(text).toContain('| lumen-launch-multisig | a 2-of-3 multisig | declared | 2 | upgrade, pause, set-params, receive-fees |');
    expect(text).toContain('**Not a rollup** · Cosmos SDK');
    expect(text).toContain('| genesis supply of alumen (total 1.00e27 alumen) | 5 | 1 | 2 | 3,342 | 0.46 | 45% lumen1…nrt9 |');
    expect(text).toContain('| Inference / intelligence | Not configured | not configured |');
    expect(text).toMatch(new RegExp(`\\*\\*Findings:\\*\\* 5 errors, 5 warnings, 0 info, 1 suppressed: \\[role-collapse\\]\\(${DOCS_BASE_URL}/role-collapse\\.md\\) ×2`));
    // Every table row has as many cells as its header.
    for (const table of text.split('\n\n').filter((block) => block.startsWith('|'))) {
      const rows = table.split('\n');
      const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]));
    }
  });
});

describe('the measures, named as the status item and the authority map name them', () => {
  const reports = [lintFile('examples/op-stack/deploy-config.json'), lintFile('examples/cosmos/genesis.json')];
  const data = reportOf(reports);
  const markdown = renderMarkdown(data);
  const page = renderHtml(data);

  it('the chain\'s fewest parties to collude, with what it counts, is the number the status item shows', () => {
    const fewest = summarize(reports[0]).fewestParties;
    expect(fewest).toBe(2);
    expect(op.fewestParties).toBe(fewest);
    expect(summaryText(summarize(reports[0]))).toBe(`Stage 0 · Fewest parties to collude: ${fewest}`);
    expect(markdown).toContain(`· Fewest parties to collude: **${fewest}** (lumen-launch-multisig)`);
    expect(page).toContain(`<span class="fewest-parties" title="Fewest parties to collude: ${FEWEST_PARTIES.meaning}">Fewest parties to collude: <strong>${fewest}</strong></span>`);
    expect(page).toContain('<title>lumen-launch-multisig, a 2-of-3 multisig; parties to collude: 2;');
  });

  it('a distribution\'s two Nakamoto coefficients, apart from it', () => {
    expect(markdown).toContain('| Distribution | Holders | Nakamoto coefficient (1/3) | Nakamoto coefficient (2/3) | HHI | Gini | Largest |');
    expect(page).toContain(`<dt title="Nakamoto coefficient (1/3): ${NAKAMOTO.halt.meaning}">Nakamoto coefficient (1/3)</dt>`);
    expect(page).toContain('Nakamoto coefficient (2/3)</dt>');
    for (const text of [markdown, page]) expect(text).not.toMatch(/Nakamoto [0-9(]|must collude/);
  });
});

/** A manifest whose every string tries to break out of the page or the comment. */
const HOSTILE = `appchain:
  name: "</title><script>alert(1)</script>"
  chainId: 7420
  network: mainnet
governance:
  bodies:
    - id: 'council" onclick="alert(6)'
      name: "\\"><img src=x onerror=alert(2)> @everyone | [x](https://evil.example)"
      kind: multisig
      address: "0x5a1c3Ff8d2A45bE06d9E17eE1a6C1b7C1fA0d3b2"
      threshold: 1
      signers: 2
  roles:
    - role: upgrade-admin
      title: "<style>body{display:none}</style>Upgrade"
      holder: 'council" onclick="alert(6)'
      powers: [upgrade]
infrastructure:
  inference:
    - name: "<svg onload=alert(3)>"
      operators: ["</td></tr><script src=https://evil.example/x.js></script>"]
  settlement:
    name: "Base' onmouseover='alert(4)"
    upgradeableBy: "<iframe src=javascript:alert(5)>"
token:
  allocations:
    - holder: "0x2B4cD3a1Ef98E8bBa3F67b0A0Ee9d0d2c14A7e11"
      amount: "400000000"
`;

/** The page's start tags with their attribute values emptied: what is left is markup, not text. */
const tagsOf = (page: string) => [...page.matchAll(/<[a-z][^>]*>/gi)].map(([tag]) => tag.replace(/"[^"]*"/g, '""'));

describe('hostile strings in a config', () => {
  const data = buildReportData([lintSource('appchain.yaml', HOSTILE, undefined, TODAY)]);
  const page = renderHtml(data);

  it('stay text in the HTML page: no element or attribute of theirs survives', () => {
    expect(data.chains[0].name).toContain('<script>');
    for (const tag of ['<script', '<img', '<svg onload', '<iframe', '<style>body', '</td></tr><script']) expect(page.toLowerCase()).not.toContain(tag);
    expect(page).toContain('<title>Sovereignty report: &#60;/title&#62;');
    // Their attributes are text inside elements, never inside a tag.
    expect(tagsOf(page).filter((tag) => /\son\w+=/i.test(tag))).toEqual([]);
    expect(page).toContain('&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('&#60;iframe src=javascript:alert(5)&#62;');
    expect(page).toContain('data-entity="council&#34; onclick=&#34;alert(6)"');
  });

  it('loads nothing and runs nothing: no script, no resource, links only to rule documentation', () => {
    const tags = tagsOf(page);
    expect(tags.filter((tag) => /^<(script|iframe|object|embed|img|link|image|use|foreignobject|base|form)\b/i.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /\s(src|srcset|xlink:href|on\w+)=/i.test(tag))).toEqual([]);
    expect(page).not.toMatch(/url\(|@import/i);
    const hrefs = [...page.matchAll(/<[a-z][^>]*>/gi)].flatMap(([tag]) => [...tag.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(`${DOCS_BASE_URL}/`), href).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
  });

  it('stay text in Markdown: no HTML, mention, link or table cell of theirs', () => {
    const text = renderMarkdown(data);
    expect(text).not.toMatch(/(^|[^\\])<(script|img|svg|iframe|style|\/td)/i);
    expect(text).not.toMatch(/(^|[^\\])@everyone/);
    expect(text).not.toMatch(/(^|[^\\])\[x\]\(/);
    expect(text).not.toContain('https://evil');
    for (const row of text.split('\n').filter((l) => l.startsWith('| Upgrade') || l.includes('council'))) {
      expect(row.replace(/\\\|/g, '').split('|').length).toBeLessThanOrEqual(7);
    }
  });
});

describe('the page for a VS Code webview', () => {
  it('allows only its nonce and CSP source, loads its scripts with the nonce, and marks each role with its origin', () => {
    const page = renderHtml(reportOf([lintFile('examples/op-stack/deploy-config.json')]), { webview: { cspSource: 'vscode-webview://abc', nonce: 'n0nce', scripts: ['vscode-webview://abc/map.js'] } });
    expect(page).toContain("script-src &#39;nonce-n0nce&#39;");
    expect(page).toContain('<style nonce="n0nce">');
    expect(page).toContain('<script nonce="n0nce" src="vscode-webview://abc/map.js"></script>');
    expect(page).not.toMatch(/\sstyle="/);
    expect(page).toMatch(/<li class="power" data-uri="[^"]+deploy-config\.json" data-path="\[&#34;proxyAdminOwner&#34;\]" data-line="15" data-entity="lumen-launch-multisig">L1 ProxyAdmin owner/);
    // The authority map: each holder and power a node at the line that grants it.
    expect(page).toMatch(/<g class="node holder-node risk-few" data-entity="lumen-launch-multisig" data-uri="[^"]+deploy-config\.json" data-path="\[&#34;proxyAdminOwner&#34;\]" data-line="15">/);
    expect(page.match(/<g class="node holder-node /g)).toHaveLength(4);
    expect(page.match(/<g class="node power-node"/g)).toHaveLength(7);
  });
});

describe('chokepoint report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['report', ...argv], { cwd: process.cwd(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, now: TODAY });
    return { code, stdout, stderr };
  };

  it('prints Markdown without --output, and writes HTML when the output ends in .html', async () => {
    const md = await run('examples/op-stack/deploy-config.json');
    expect(md).toMatchObject({ code: 0, stderr: '' });
    expect(md.stdout).toMatch(/^## Chokepoint sovereignty report/);
    const out = join(dir, 'report.html');
    expect(await run('examples/', '--output', out)).toMatchObject({ code: 0, stdout: '' });
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page.match(/<section class="chain"/g)).toHaveLength(4);
  });

  it('applies --rule as lint does, and rejects unknown formats and rules', async () => {
    const off = await run('examples/op-stack/deploy-config.json', '--rule', 'short-exit-window=off');
    expect(off.stdout).not.toContain('[short-exit-window]');
    expect(await run('examples/', '--format', 'pdf')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown report format "pdf"; use html or md.') });
    expect(await run('examples/', '--rule', 'no-such-rule=off')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown rule no-such-rule') });
  });
});

describe('the report reuses what the lint parsed', () => {
  it('lintPaths with models keeps every parsed file of the chain, and the report places origins in those, not in a second read', () => {
    const file = resolve('examples/op-stack/deploy-config.json');
    const result = lintPaths([file], { resolver: new ConfigResolver(), now: TODAY, models: true });
    expect(result.documents?.get(file)?.text).toBe(readFileSync(file, 'utf8'));
    const [report] = result.reports;
    const origin = report.model!.grants[0].at;
    const fromDisk = fileLocator()(origin)!;
    // The same file as the lint saw it with one more line on top: a locator reading the disk again would not see it.
    const shifted = parseDocument(file, `\n${readFileSync(file, 'utf8')}`);
    expect(fileLocator(new Map([[file, shifted]]))(origin)).toBe(fromDisk + 1);
    expect(fileLocator(result.documents)(origin)).toBe(fromDisk);
  });
});
