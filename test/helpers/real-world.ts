/**
 * Scores Chokepoint against test/real-world (see its README): each chain folder is linted as the
 * CLI lints a folder, and its findings, network and stage are compared with its expected.yaml.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { ConfigResolver } from '../../server/src/engine/config/discover';
import type { FileReport, Finding } from '../../server/src/engine/lint';
import { parseAddress, shortAddress } from '../../server/src/engine/model/address';
import { isProduction } from '../../server/src/engine/model/schema';
import { estimateStage, stageText, type StageEstimate } from '../../server/src/engine/stages';
import { lintPaths } from '../../server/src/engine/workspace';

export const REAL_WORLD = join(__dirname, '..', 'real-world');
/** Suppressions expire against this date, so the score does not change with the calendar. */
const NOW = new Date('2026-12-01T00:00:00Z');

export interface Expectation {
  rule: string;
  file?: string;
  subject?: string;
  why?: string;
}

export interface Expected {
  chain: string;
  files: Record<string, { repo: string; path: string; commit: string; license: string; kind?: string }>;
  network: 'mainnet' | 'testnet' | 'devnet';
  rollup: boolean;
  stage: 'not-a-rollup' | 'unknown' | 0 | 1 | 2;
  stageMissing?: string;
  facts?: Expectation[];
  allow?: Expectation[];
}

export interface ChainScore {
  folder: string;
  expected: Expected;
  found: Expectation[];
  missed: Expectation[];
  /** Errors no fact or allowance calls for. */
  falsePositives: Finding[];
  network: { expected: string; actual: string; reason: string; ok: boolean };
  stage: { expected: string; actual: string; ok: boolean; overclaim: boolean };
  reports: FileReport[];
}

export function chainFolders(): string[] {
  const folders: string[] = [];
  for (const framework of readdirSync(REAL_WORLD).sort()) {
    const dir = join(REAL_WORLD, framework);
    if (!statSync(dir).isDirectory()) continue;
    for (const chain of readdirSync(dir).sort()) {
      if (existsSync(join(dir, chain, 'expected.yaml'))) folders.push(`${framework}/${chain}`);
    }
  }
  return folders;
}

export function readExpected(folder: string): Expected {
  return parse(readFileSync(join(REAL_WORLD, folder, 'expected.yaml'), 'utf8')) as Expected;
}

/** The config files of a chain folder, as published (everything but expected.yaml). */
export function configFiles(folder: string): string[] {
  return readdirSync(join(REAL_WORLD, folder)).filter((name) => name !== 'expected.yaml').sort();
}

/** A folder to lint: the chain folder itself, or a copy with its gzipped files unpacked. */
export function lintableCopy(folder: string, into?: string): string {
  const source = join(REAL_WORLD, folder);
  const files = configFiles(folder);
  if (!into && !files.some((f) => f.endsWith('.gz'))) return source;
  const target = into ?? mkdtempSync(join(tmpdir(), 'chokepoint-real-world-'));
  for (const name of files) {
    if (name.endsWith('.gz')) writeFileSync(join(target, name.slice(0, -3)), gunzipSync(readFileSync(join(source, name))));
    else copyFileSync(join(source, name), join(target, name));
  }
  return target;
}

export function lintFolder(dir: string): FileReport[] {
  return lintPaths([dir], { resolver: new ConfigResolver(), models: true, now: NOW }).reports;
}

function namesSubject(finding: Finding, subject: string): boolean {
  const key = parseAddress(subject)?.key;
  if (key && finding.subjects.includes(key)) return true;
  return finding.message.includes(subject) || finding.message.includes(shortAddress(subject));
}

function matches(expectation: Expectation, finding: Finding): boolean {
  if (finding.ruleId !== expectation.rule) return false;
  // A finding about several files of one chain counts for each file it points at.
  const file = expectation.file?.replace(/\.gz$/, '');
  if (file && ![finding.uri, ...finding.related.map((r) => r.uri)].some((uri) => uri.endsWith(`/${file}`))) return false;
  return expectation.subject === undefined || namesSubject(finding, expectation.subject);
}

const PRODUCTION_LIKE = (network: string) => (network === 'unknown' ? 'mainnet' : network);

function stageWord(stage: Expected['stage']): string {
  return typeof stage === 'number' ? `Stage ${stage}` : stage;
}

/** Compares the estimate with the expectation; an overclaim shows a higher stage than the files support. */
function scoreStage(expected: Expected['stage'], estimate: StageEstimate | undefined): ChainScore['stage'] {
  const actual = estimate ? stageText(estimate) : 'no chain';
  if (!estimate) return { expected: stageWord(expected), actual, ok: false, overclaim: false };
  if (expected === 'not-a-rollup') return { expected: 'not-a-rollup', actual, ok: !estimate.applies, overclaim: estimate.applies && estimate.bound === 'exact' && (estimate.stage ?? 0) > 0 };
  if (!estimate.applies) return { expected: stageWord(expected), actual, ok: false, overclaim: false };
  if (expected === 'unknown') return { expected, actual, ok: estimate.bound !== 'exact', overclaim: estimate.bound === 'exact' && (estimate.stage ?? 0) > 0 };
  const shown = estimate.stage ?? -1;
  return { expected: stageWord(expected), actual, ok: estimate.bound === 'exact' ? shown === expected : shown <= expected, overclaim: shown > expected };
}

export function scoreChain(folder: string, reports: FileReport[]): ChainScore {
  const expected = readExpected(folder);
  const findings = reports.flatMap((r) => r.findings);
  const atLeastWarning = findings.filter((f) => f.severity !== 'info');
  const facts = expected.facts ?? [];
  const found = facts.filter((fact) => atLeastWarning.some((f) => matches(fact, f)));
  const accepted = [...facts, ...(expected.allow ?? [])];
  const falsePositives = findings.filter((f) => f.severity === 'error' && !accepted.some((e) => matches(e, f)));
  const linted = reports.find((r) => r.chain)?.chain;
  const actualNetwork = linted?.chain.network ?? 'none';
  const entities = reports.find((r) => r.entities)?.entities;
  const estimate = linted && entities ? estimateStage(linted, entities) : undefined;
  return {
    folder,
    expected,
    found,
    missed: facts.filter((fact) => !found.includes(fact)),
    falsePositives,
    network: {
      expected: expected.network,
      actual: actualNetwork,
      reason: linted?.chain.networkReason ?? '',
      ok: PRODUCTION_LIKE(actualNetwork) === expected.network || (expected.network === 'mainnet' && linted !== undefined && isProduction(linted.chain.network)),
    },
    stage: scoreStage(expected.stage, estimate),
    reports,
  };
}

export interface CorpusScore {
  chains: number;
  files: number;
  facts: number;
  found: number;
  recall: number;
  falsePositives: number;
  networkMatches: number;
  stageMatches: number;
  stageOverclaims: number;
}

export function summarizeScores(scores: ChainScore[]): CorpusScore {
  const facts = scores.reduce((n, s) => n + (s.expected.facts?.length ?? 0), 0);
  const found = scores.reduce((n, s) => n + s.found.length, 0);
  return {
    chains: scores.length,
    files: scores.reduce((n, s) => n + Object.keys(s.expected.files).length, 0),
    facts,
    found,
    recall: facts === 0 ? 1 : Number((found / facts).toFixed(4)),
    falsePositives: scores.reduce((n, s) => n + s.falsePositives.length, 0),
    networkMatches: scores.filter((s) => s.network.ok).length,
    stageMatches: scores.filter((s) => s.stage.ok).length,
    stageOverclaims: scores.filter((s) => s.stage.overclaim).length,
  };
}
