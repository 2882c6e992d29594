/**
 * Golden SARIF for the bundled examples.
 *
 * test/golden/examples.sarif holds the exact output of `node dist/cli.js lint examples --format sarif`
 * run from the repo root. The test compares the CLI's output with it byte for byte, except for the
 * driver's "version" and "semanticVersion", which both sides replace with a placeholder so that a
 * version bump does not break it.
 *
 * When the examples or the rules change on purpose, rewrite the golden file and review its diff:
 *
 *   node scripts/build.mjs && UPDATE_GOLDEN=1 ./node_modules/.bin/vitest run test/golden.test.ts
 *
 * The examples carry a suppression that expires on 2027-06-30. The run pins "today" with
 * SOURCE_DATE_EPOCH (the reproducible-builds convention the CLI honours) so the output does not
 * change when that date passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Region, SarifLog } from './helpers/sarif';
import { buildIfMissing } from './helpers/cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const GOLDEN = join(ROOT, 'test', 'golden', 'examples.sarif');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 22) / 1000) };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Replaces the driver's version fields, whatever the version, with a placeholder. */
function withoutVersion(sarif: string): string {
  return sarif.replace(/^(\s*"(?:version|semanticVersion)": )"[^"]*"(,?)$/gm, (line, head: string, comma: string) => (/^ {10}"/.test(line) ? `${head}"<version>"${comma}` : line));
}

let output: { code: number | null; stdout: string; stderr: string };

beforeAll(() => {
  buildIfMissing();
  output = run(['lint', 'examples', '--format', 'sarif']);
  if (UPDATE) {
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, output.stdout);
  }
}, 120_000);

describe('golden SARIF for the examples', () => {
  it('runs cleanly: findings at error level, nothing on stderr', () => {
    expect(output.stderr).toBe('');
    expect(output.code).toBe(1);
  });

  it('matches test/golden/examples.sarif byte for byte (versions aside)', () => {
    expect(existsSync(GOLDEN), 'test/golden/examples.sarif is missing: run with UPDATE_GOLDEN=1').toBe(true);
    const golden = readFileSync(GOLDEN, 'utf8');
    expect(withoutVersion(output.stdout), 'the SARIF for the examples changed; if on purpose, rerun with UPDATE_GOLDEN=1 and review the diff').toBe(withoutVersion(golden));
  });

  it('replaces only the driver version fields', () => {
    const golden = readFileSync(GOLDEN, 'utf8');
    const normalized = withoutVersion(golden);
    expect(normalized.match(/"<version>"/g)).toHaveLength(2);
    expect(normalized).toContain('"version": "2.1.0"');
    const log = JSON.parse(normalized) as SarifLog;
    expect(log.runs[0].tool.driver.version).toBe('<version>');
    expect(log.runs[0].tool.driver.semanticVersion).toBe('<version>');
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const current = JSON.parse(output.stdout) as SarifLog;
    expect(current.runs[0].tool.driver.version).toBe(version);
    expect(current.runs[0].tool.driver.semanticVersion).toBe(version);
  });
});

describe('SARIF structure', () => {
  const log = () => JSON.parse(output.stdout) as SarifLog;

  const expectRegion = (region: Region, where: string) => {
    for (const field of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
      expect(Number.isInteger(region[field]), `${where} ${field}`).toBe(true);
      expect(region[field], `${where} ${field}`).toBeGreaterThanOrEqual(1);
    }
    expect(region.endLine, where).toBeGreaterThanOrEqual(region.startLine);
    if (region.endLine === region.startLine) expect(region.endColumn, where).toBeGreaterThanOrEqual(region.startColumn);
  };

  it('is SARIF 2.1.0 with one run', () => {
    const sarif = log();
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.name).toBe('Chokepoint');
  });

  it('describes every rule with a helpUri and a shortDescription', () => {
    const { rules } = log().runs[0].tool.driver;
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.helpUri, rule.id).toMatch(/^https:\/\/.+\.md$/);
      expect(rule.shortDescription?.text, rule.id).toMatch(/\w/);
      expect(rule.fullDescription?.text, rule.id).toMatch(/\w/);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('gives every result a ruleId that exists in the rules, with a matching ruleIndex', () => {
    const [sarifRun] = log().runs;
    expect(sarifRun.results.length).toBeGreaterThan(0);
    for (const result of sarifRun.results) {
      const index = sarifRun.tool.driver.rules.findIndex((r) => r.id === result.ruleId);
      expect(index, result.ruleId).toBeGreaterThanOrEqual(0);
      expect(result.ruleIndex, result.ruleId).toBe(index);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toMatch(/\w/);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('uses 1-based positive lines and columns in every region, and known artifacts', () => {
    const [sarifRun] = log().runs;
    const artifacts = new Set(sarifRun.artifacts.map((a) => a.location.uri));
    for (const result of sarifRun.results) {
      const where = `${result.ruleId}: ${result.message.text.slice(0, 40)}`;
      expect(result.locations).toHaveLength(1);
      for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
        expect(artifacts).toContain(location.physicalLocation.artifactLocation.uri);
        expectRegion(location.physicalLocation.region, where);
      }
      for (const fix of result.fixes ?? []) {
        for (const change of fix.artifactChanges) for (const replacement of change.replacements) expectRegion(replacement.deletedRegion, `${where} fix`);
      }
    }
    for (const uri of artifacts) expect(existsSync(join(ROOT, uri)), uri).toBe(true);
  });

  it('points each region at the source it names', () => {
    const [sarifRun] = log().runs;
    for (const result of sarifRun.results) {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      const lines = readFileSync(join(ROOT, artifactLocation.uri), 'utf8').split(/\r?\n/);
      expect(region.startLine).toBeLessThanOrEqual(lines.length);
      expect(region.startColumn).toBeLessThanOrEqual(lines[region.startLine - 1].length + 1);
    }
  });

  it('marks suppressed results with suppressions and a justification', () => {
    const [sarifRun] = log().runs;
    const json = JSON.parse(run(['lint', 'examples', '--format', 'json']).stdout) as { summary: { errors: number; warnings: number; infos: number; suppressed: number } };
    const suppressed = sarifRun.results.filter((r) => r.suppressions);
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed).toHaveLength(json.summary.suppressed);
    expect(sarifRun.results).toHaveLength(json.summary.errors + json.summary.warnings + json.summary.infos + json.summary.suppressed);
    for (const result of suppressed) {
      expect(result.suppressions).toHaveLength(1);
      expect(['inSource', 'external']).toContain(result.suppressions![0].kind);
      expect(result.suppressions![0].justification.trim().length, result.ruleId).toBeGreaterThan(10);
    }
    // The examples suppress one finding with a comment and one from .chokepoint.yaml.
    expect(suppressed.map((r) => r.suppressions![0].kind).sort()).toEqual(['external', 'inSource']);
  });
});
