/**
 * A chain is an identity, not a folder: real configs of many distinct chains copied into one
 * folder are linted exactly as each is alone, by the CLI, the language server's lint thread and
 * the report. The configs come from test/real-world; every chain there whose files all state who
 * they are takes part.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../server/src/engine/config/discover';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { lintPaths } from '../server/src/engine/workspace';
import { DocumentLinter } from '../server/src/lsp/document-worker';
import { buildReportData } from '../server/src/report';
import { chainFolders, configFiles, lintableCopy, readExpected } from './helpers/real-world';

const NOW = new Date('2026-12-01T00:00:00Z');
const lint = (paths: string[]) => lintPaths(paths, { resolver: new ConfigResolver(), models: true, now: NOW });

/** Each chain's files, unpacked into a folder of its own. */
const alone = new Map<string, string>();
for (const folder of chainFolders()) {
  const dir = join(mkdtempSync(join(tmpdir(), 'chokepoint-alone-')), folder.replace('/', '-'));
  mkdirSync(dir);
  alone.set(folder, lintableCopy(folder, dir));
}

/** The chains whose every file states an identity (a file that states none may join another chain of its kind). */
const identified = [...alone.entries()].filter(([, dir]) => {
  const { reports } = lint([dir]);
  return reports.length > 0 && reports.every((r) => (r.model?.chain.identity?.ids.length ?? 0) > 0 || r.model?.chain.identity?.several);
});

/** Every identified chain's files in one folder, each renamed `<framework>-<chain>--<file>` so that names do not collide. */
const mixed = mkdtempSync(join(tmpdir(), 'chokepoint-mixed-'));
const prefix = (folder: string) => `${folder.replace('/', '-')}--`;
for (const [folder, dir] of identified) {
  for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(mixed, prefix(folder) + name));
}

/** A finding as a user reads it, with the file it is in and its related places named by chain and file. */
function view(finding: Finding, name: (uri: string) => string) {
  return {
    file: name(finding.uri),
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    related: finding.related.map((r) => ({ file: name(r.uri), range: r.range, message: r.message })),
    fixes: finding.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ file: name(e.uri), range: e.range, newText: e.newText })) })),
  };
}

describe('distinct chains in one folder are linted as each is alone', () => {
  it('takes at least 15 chains of every framework, a mainnet and a testnet of one project, and chains sharing one upgrade owner', () => {
    expect(identified.length).toBeGreaterThanOrEqual(15);
    const frameworks = new Set(identified.map(([folder]) => folder.split('/')[0]));
    expect(frameworks.size).toBeGreaterThanOrEqual(5);
    const names = identified.map(([folder]) => folder);
    expect(names).toEqual(expect.arrayContaining(['op-stack/base-mainnet', 'op-stack/base-sepolia', 'orbit/hpp-mainnet', 'orbit/hpp-sepolia']));
    // Shape and World Chain share one ProxyAdminOwner; Ink and Soneium share the OP standard one.
    expect(names).toEqual(expect.arrayContaining(['op-stack/shape-mainnet', 'op-stack/worldchain-mainnet', 'op-stack/ink-mainnet', 'op-stack/soneium-mainnet']));
    const owner = (folder: string) => readFileSync(join(alone.get(folder)!, configFiles(folder)[0]), 'utf8').match(/ProxyAdminOwner = "(0x[0-9a-fA-F]{40})"/)?.[1];
    expect(owner('op-stack/shape-mainnet')).toBe(owner('op-stack/worldchain-mainnet'));
  });

  const together = lint([mixed]);
  const byFile = new Map(together.reports.map((r) => [basename(r.uri), r]));

  it.each(identified.map(([folder]) => folder))('%s: the same findings, network and chain as alone', (folder) => {
    const single = lint([alone.get(folder)!]);
    for (const report of single.reports) {
      const prefixed = prefix(folder) + basename(report.uri);
      const there = byFile.get(prefixed);
      expect(there, prefixed).toBeDefined();
      const nameAlone = (uri: string) => basename(uri);
      const nameMixed = (uri: string) => basename(uri).replace(/^.*?--/, '');
      expect(there!.findings.map((f) => view(f, nameMixed))).toEqual(report.findings.map((f) => view(f, nameAlone)));
      expect(there!.chain?.chain.network).toBe(report.chain?.chain.network);
      expect(there!.chain?.chain.chainId).toBe(report.chain?.chain.chainId);
      expect(there!.chain?.chain.parent?.id).toBe(report.chain?.chain.parent?.id);
    }
  });

  it('gives the report one section per chain, titled with its own name or id', () => {
    const data = buildReportData(together.reports);
    expect(data.chains).toHaveLength(identified.length);
    const titles = data.chains.map((c) => c.name);
    for (const [folder] of identified) {
      const expected = readExpected(folder);
      const section = data.chains.find((c) => c.files.some((f) => basename(f.uri).startsWith(`${prefix(folder)}`)))!;
      expect(section.files.every((f) => basename(f.uri).startsWith(`${prefix(folder)}`)), folder).toBe(true);
      expect(section.name, `${folder} (${expected.chain})`).not.toMatch(/^chokepoint-mixed-/);
    }
    expect(new Set(titles).size).toBeGreaterThan(identified.length / 2);
  });

  it('the language server lints each file with its own chain only, and lists only that chain\'s files', () => {
    const linter = new DocumentLinter();
    const files = [...byFile.keys()];
    const siblings = (path: string) => files.filter((f) => f !== basename(path)).map((f) => ({ path: join(mixed, f) }));
    for (const [folder] of identified.slice(0, 12)) {
      const name = `${prefix(folder)}${configFiles(folder)[0].replace(/\.gz$/, '')}`;
      const path = join(mixed, name);
      const reply = linter.handle({
        type: 'lint', id: 1, file: { path, version: 1, text: readFileSync(path, 'utf8') }, siblings: siblings(path), explicit: false,
        config: new ConfigResolver().configFor(path), maxFileBytes: 64 * 1024 * 1024, cancel: new SharedArrayBuffer(4),
      } as never) as { kind: string; report: FileReport; members: { path: string }[] };
      expect(reply.kind).toBe('done');
      expect(reply.report.findings.map((f) => view(f, (u) => basename(u)))).toEqual(byFile.get(name)!.findings.map((f) => view(f, (u) => basename(u))));
      expect(reply.members.every((m) => basename(m.path).startsWith(`${prefix(folder)}`)), folder).toBe(true);
    }
  });
});
