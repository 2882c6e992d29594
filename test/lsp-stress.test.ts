/**
 * The language server under stress: a burst of edits sent without waiting ends in the diagnostics
 * a fresh server gives for the final text; its memory stays flat over 10,000 edits; and a rule that
 * throws becomes one internal-error diagnostic naming it while the other rules still report.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyConfig } from '../server/src/engine/config/resolved';
import { RULES } from '../server/src/engine/rules/index';
import type { Rule } from '../server/src/engine/rules/types';
import { toDiagnostic } from '../server/src/lsp/diagnostics';
import { DocumentLinter } from '../server/src/lsp/document-worker';
import { buildIfMissing } from './helpers/cli-run';
import { LspClient, REPO_ROOT, type Published } from './helpers/lsp-client';

const EXAMPLE = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/op-stack/deploy-config.json'), 'utf8')) as Record<string, unknown>;

/** The example OP Stack deploy config with `n` in a few values, so each version is a different text with its own findings. */
function deployConfig(n: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      ...EXAMPLE,
      l2ChainID: 48213 + n,
      sequencerWindowSize: 3600 + (n % 7) * 3600,
      l2OutputOracleChallenger: n % 2 === 0 ? EXAMPLE.l2OutputOracleProposer : `0x${(n % 0xffff).toString(16).padStart(4, '0')}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
      fundDevAccounts: n % 3 === 0,
      ...extra,
    },
    null,
    2,
  );
}

/** A deploy config of about 5 KB: the example plus the genesis parameters a real one carries. */
function largeDeployConfig(n: number): string {
  const padding: Record<string, unknown> = {};
  for (let i = 0; i < 110; i++) padding[`l2GenesisParameter${String(i).padStart(2, '0')}`] = i * 1000 + n;
  return deployConfig(n, padding);
}

let client: LspClient | undefined;
let fresh: LspClient | undefined;

beforeAll(() => {
  buildIfMissing(join(REPO_ROOT, 'dist', 'document-worker.mjs'));
});

afterEach(async () => {
  await Promise.all([client?.stop(), fresh?.stop()]);
  client = fresh = undefined;
});

const comparable = (published: Published) => published.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity }));

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'chokepoint-stress-'));
}

/** The server's resident memory in bytes, from /proc (the server is this test's child process). */
function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

describe('the language server under stress', () => {
  it('ends 1,000 rapid edits with the diagnostics a fresh lint of the final text gives', async () => {
    const dir = folder();
    const path = join(dir, 'deploy-config.json');
    writeFileSync(path, deployConfig(0));
    client = new LspClient();
    await client.initialize();
    const uri = client.open(path, deployConfig(0));
    let version = 1;
    for (let n = 1; n <= 1000; n++) {
      // Every tenth version is cut short, as a file is while being typed: a parse error, not a crash.
      const text = n % 10 === 5 ? deployConfig(n).slice(0, 400 + n) : deployConfig(n);
      client.change(uri, text, ++version);
    }
    const final = deployConfig(1001, { proxyAdminOwner: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' });
    client.change(uri, final, ++version);
    const published = await client.until(() => (client!.published.get(uri)?.version === version ? client!.published.get(uri) : undefined), 60_000);

    fresh = new LspClient();
    await fresh.initialize();
    const freshUri = fresh.open(path, final);
    const expected = await fresh.until(() => fresh!.published.get(freshUri));
    expect(expected.diagnostics.map((d) => d.code)).toContain('dev-key-authority');
    expect(comparable(published)).toEqual(comparable(expected));
  }, 90_000);

  const HEAP_CAP_MB = 48;

  it.runIf(process.platform === 'linux')('keeps its memory flat over 10,000 edits of a 5 KB deploy config after a warm-up, and still publishes', async () => {
    const dir = folder();
    const path = join(dir, 'deploy-config.json');
    expect(largeDeployConfig(0).length).toBeGreaterThan(5000);
    writeFileSync(path, largeDeployConfig(0));
    // The JS heap is capped: a server that kept every version (13,000 × 5 KB) would run out of memory and stop publishing.
    client = new LspClient([`--max-old-space-size=${HEAP_CAP_MB}`, 'dist/cli.js', 'lsp', '--stdio']);
    await client.initialize();
    const pid = client.process!.pid!;
    const uri = client.open(path, largeDeployConfig(0));
    let version = 1;
    /** Sends edits in bursts of 50, waiting after each burst for its diagnostics, so the server lints as well as cancels. */
    const edit = async (count: number) => {
      for (let i = 0; i < count; i++) {
        client!.change(uri, largeDeployConfig(++version), version);
        if (version % 50 === 0 || i === count - 1) {
          const target = version;
          await client!.until(() => client!.published.get(uri)?.version === target, 30_000);
        }
      }
    };
    // V8 grows its heap to a steady size over the first few thousand edits (about 40 MB here); only growth after that is a leak.
    await edit(3_000);
    const warm = residentBytes(pid);
    await edit(10_000);
    const after = residentBytes(pid);
    const published = client.published.get(uri)!;
    expect(published.version).toBe(13_001);
    expect(published.diagnostics.map((d) => d.code)).toContain('role-collapse');
    console.log(`lsp memory: ${(warm / 2 ** 20).toFixed(1)} MB after 3,000 edits, ${(after / 2 ** 20).toFixed(1)} MB after 10,000 more`);
    // Keeping each version's text alone would add about 65 MB; RSS also moves by tens of MB with the GC's timing under load.
    expect(after - warm).toBeLessThan(60 * 2 ** 20);
  }, 120_000);
});

describe('a rule that throws', () => {
  const broken: Rule = {
    meta: { ...RULES[0].meta, id: 'exploding-rule' },
    *check() {
      throw new Error('boom');
    },
  };

  it('becomes one internal-error diagnostic naming it on the lint thread, and the other rules still report', () => {
    const linter = new DocumentLinter([broken, ...RULES]);
    const dir = folder();
    const path = join(dir, 'deploy-config.json');
    const reply = linter.handle({
      type: 'lint', id: 1, file: { path, version: 1, text: deployConfig(0) }, siblings: [], explicit: true,
      config: emptyConfig(dir), maxFileBytes: 10 * 2 ** 20, cancel: new SharedArrayBuffer(4),
    });
    if (reply?.kind !== 'done') throw new Error(`the lint did not finish: ${JSON.stringify(reply)}`);
    const diagnostics = reply.report.findings.map((f) => toDiagnostic(f, (p) => `file://${p}`));
    const internal = diagnostics.filter((d) => d.code === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 1, source: 'chokepoint', range: { start: { line: 0 } } });
    expect(internal[0].message).toContain('exploding-rule');
    expect(internal[0].message).toContain('boom');
    expect(internal[0].codeDescription?.href).toMatch(/docs\/rules\/internal-error\.md$/);
    // The same lint without the broken rule: everything else is still there.
    const healthy = new DocumentLinter().handle({
      type: 'lint', id: 2, file: { path, version: 1, text: deployConfig(0) }, siblings: [], explicit: true,
      config: emptyConfig(dir), maxFileBytes: 10 * 2 ** 20, cancel: new SharedArrayBuffer(4),
    });
    if (healthy?.kind !== 'done') throw new Error('the healthy lint did not finish');
    expect(healthy.report.findings.length).toBeGreaterThan(3);
    expect(diagnostics.filter((d) => d.code !== 'internal-error').map((d) => d.code)).toEqual(healthy.report.findings.map((f) => f.ruleId));
  });
});
