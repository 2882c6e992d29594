/**
 * Seeded, bounded fuzzing of every fixture (test/fixtures and examples/): each is mutated by
 * truncation, UTF-8 byte flips, deleted and duplicated spans, inserted syntax, values replaced by
 * the wrong type (re-serialized in the file's own format) and a wrong file extension, then linted
 * as the CLI lints it. Whatever the input, the engine must return findings, never throw: every
 * finding names a known rule, points inside the text and says something, and none is an
 * `internal-error` (a rule or reader that threw); every parse problem is reported; a file no
 * adapter reads says so. The fixes offered on a mutated file must apply, and their result is linted too.
 * A fixture whose inputs take more than 15 s in all fails as a hang.
 *
 * Each fixture's inputs come from a seed derived from CHOKEPOINT_FUZZ_SEED and its path; a failure
 * prints the command that reproduces it. For a longer local run: CHOKEPOINT_FUZZ_SEED=<n>
 * CHOKEPOINT_FUZZ_RUNS=<inputs per fixture>; CHOKEPOINT_FUZZ_SLOWEST=<file> saves the slowest input.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { parseConfigText } from '../server/src/engine/config/load';
import type { ResolvedConfig } from '../server/src/engine/config/resolved';
import { lintChain, lintDocument, type FileReport, type Finding, type TextEdit } from '../server/src/engine/lint';
import { parseDocument, type Format, type ParsedDocument } from '../server/src/engine/parse';
import { ALL_RULE_METAS } from '../server/src/engine/rules/index';
import { applyEdits } from './helpers/fixtures';
import { lintSource, TODAY } from './helpers/lint';
import { mulberry32 } from './helpers/random';

const SEED = Number(process.env.CHOKEPOINT_FUZZ_SEED ?? 20261122);
/** Inputs per fixture: 128 fixtures × 100 keeps the file near half a minute on a 2-core machine. */
const RUNS = Number(process.env.CHOKEPOINT_FUZZ_RUNS ?? 100);
const CONFIG_RUNS = Math.max(1, Math.round(RUNS / 2));

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KNOWN_RULES = new Set(ALL_RULE_METAS.map((meta) => meta.id));
const LINTED = /\.(json|jsonc|ya?ml|toml)$/;
const CONFIG = /^\.chokepoint\.ya?ml$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const ALL_FILES = [...walk(join(ROOT, 'test/fixtures')), ...walk(join(ROOT, 'examples'))];
const FIXTURES = ALL_FILES.filter((path) => LINTED.test(path) && !CONFIG.test(path.split('/').pop()!));
const CONFIGS = ALL_FILES.filter((path) => CONFIG.test(path.split('/').pop()!));

const resolver = new ConfigResolver();
/** Runtime warnings the engine emitted (process.emitWarning): the CLI would print them on stderr. */
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
const stats = { inputs: 0, findings: 0, fixesApplied: 0, crashes: 0, hangs: 0, slowestMs: 0, slowest: '', slowestText: '', largest: 0 };
const startedAt = performance.now();

// ---------------------------------------------------------------------------------------------
// Mutations

/** Text a user, an editor or a broken tool can leave in a config file. */
const INSERTS = [
  '\uFEFF', '\r', '\r\n', '\n', '\u2028', '\0', '\uD800', '\uDC00', '\t', ' ', '"', "'", '`', '\\', '\\u', '\\x',
  '{', '}', '[', ']', ':', ',', '=', '- ', '? ', '|', '>', '&a ', '*a', '<<: *a\n', '!!binary ', '!!js/function ', '%YAML 1.1\n',
  '---\n', '...\n', '#', '//', '/*', '*/', '[[x]]\n', '[x]\n', 'x = 1\n', 'null', 'true', '-0', '1e400', 'NaN', '-inf',
  '0x', '0xZZ', '99999999999999999999999999999999999999', '__proto__', 'constructor',
  '# chokepoint-disable-next-line all -- fuzz\n', '// chokepoint-disable-next-line\n', '# chokepoint: \n',
  '# chokepoint: 0x0000000000000000000000000000000000000000 is ', '# chokepoint: declared-by fuzz\n',
];

type Replacement =
  | { as: 'list' | 'object' | 'null' | 'true' | 'empty-list' | 'empty-object' | 'empty-string' | 'missing' }
  /** Another node's value: an address where a number belongs, a table where a list belongs. */
  | { as: 'copy'; from: number }
  /** The same value under another key: a prototype member, an empty key, a near miss. */
  | { as: 'rename'; to: string }
  | { as: 'number'; value: number }
  | { as: 'string'; value: string }
  | { as: 'huge'; literal: string }
  | { as: 'deep'; depth: number; kind: 'list' | 'object' }
  /** Nesting far deeper than a config needs, written on one line where the value was. */
  | { as: 'bomb'; depth: number; kind: 'list' | 'object' };

type Edit =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; xor: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'insert'; at: number; text: string };

interface Case {
  /** Values replaced by the wrong type, then the document re-serialized in its own format. */
  retype: { node: number; with: Replacement }[];
  /** Wrong types everywhere: each node replaced with probability `rate`, chosen by a seeded generator. */
  scatter: { seed: number; rate: number; with: Replacement[] } | undefined;
  /** Byte and text edits, applied after any retyping. */
  edits: Edit[];
  /** Lint the text under another extension. */
  ext: string | undefined;
  /** Lint it as one file of a chain, with the fixtures beside it. */
  chain: boolean;
}

const position = fc.nat({ max: 0x7fffffff });
const kind = fc.constantFrom<'list' | 'object'>('list', 'object');
const typeSwaps: fc.WeightedArbitrary<Replacement>[] = [
  {
    weight: 4,
    arbitrary: fc.constantFrom<Replacement>(
      { as: 'list' }, { as: 'object' }, { as: 'null' }, { as: 'true' }, { as: 'empty-list' }, { as: 'empty-object' }, { as: 'empty-string' }, { as: 'missing' },
    ),
  },
  { weight: 2, arbitrary: position.map((from): Replacement => ({ as: 'copy', from })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '0', 'length', '*')
      .map((to): Replacement => ({ as: 'rename', to })),
  },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2)).map((value): Replacement => ({ as: 'number', value })) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('0x', '0xZZZZ', 'not-an-address', '0x0000000000000000000000000000000000000000', 'cosmos1', '5Grw', '-1', '1e400', '1.5', '__proto__', 'x'.repeat(5000)),
    ).map((value): Replacement => ({ as: 'string', value })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('123456789012345678901234567890', '1e400', '-1e400', '115792089237316195423570985008687907853269984665640564039457584007913129639936', '0.000000000000000000000000000001')
      .map((literal): Replacement => ({ as: 'huge', literal })),
  },
  { weight: 1, arbitrary: fc.record({ depth: fc.integer({ min: 10, max: 100 }), kind }).map((deep): Replacement => ({ as: 'deep', ...deep })) },
];
/** Replacements scattered over many nodes at once: no bombs, so the file stays small. */
const scatterReplacement = fc.oneof(...typeSwaps);
// Rare: a bomb costs a YAML parse some tens of milliseconds, and the adversarial tests go deeper.
const replacement = fc.oneof(...typeSwaps, { weight: 1, arbitrary: fc.record({ depth: fc.constantFrom(1_000, 20_000), kind }).map((bomb): Replacement => ({ as: 'bomb', ...bomb })) });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  position.map((at): Edit => ({ op: 'truncate', at })),
  fc.record({ at: position, xor: fc.integer({ min: 1, max: 255 }) }).map((e): Edit => ({ op: 'flip', ...e })),
  fc.record({ at: position, length: fc.integer({ min: 1, max: 400 }) }).map((e): Edit => ({ op: 'delete', ...e })),
  fc.record({ at: position, length: fc.integer({ min: 1, max: 400 }), to: position }).map((e): Edit => ({ op: 'duplicate', ...e })),
  fc.record({ at: position, text: fc.constantFrom(...INSERTS) }).map((e): Edit => ({ op: 'insert', ...e })),
);

const fuzzCase: fc.Arbitrary<Case> = fc.record({
  retype: fc.oneof(fc.constant<Case['retype']>([]), fc.array(fc.record({ node: position, with: replacement }), { minLength: 1, maxLength: 3 })),
  scatter: fc.option(fc.record({ seed: fc.nat(), rate: fc.constantFrom(0.02, 0.1, 0.3), with: fc.array(scatterReplacement, { minLength: 1, maxLength: 3 }) }), { freq: 3 })
    .map((s) => s ?? undefined),
  edits: fc.array(edit, { maxLength: 4 }),
  ext: fc.option(fc.constantFrom('.json', '.jsonc', '.yaml', '.yml', '.toml', '.txt', ''), { freq: 2 }).map((e) => e ?? undefined),
  chain: fc.boolean(),
});

/** Byte edits work on the UTF-8 encoding, so they can cut or corrupt a multi-byte character; inserts work on the decoded text. */
function applyCase(text: string, format: Format, value: unknown, paths: (string | number)[][], c: Case): string {
  let source = c.retype.length > 0 || c.scatter ? serialize(retyped(value, paths, c), format) : text;
  for (const e of c.edits) {
    if (e.op === 'insert') {
      const at = e.at % (source.length + 1);
      source = source.slice(0, at) + e.text + source.slice(at);
      continue;
    }
    const bytes = Buffer.from(source, 'utf8');
    const at = e.at % (bytes.length + 1);
    let out: Buffer;
    if (e.op === 'truncate') out = bytes.subarray(0, at);
    else if (e.op === 'flip') {
      out = Buffer.from(bytes);
      if (at < out.length) out[at] ^= e.xor;
    } else if (e.op === 'delete') out = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
    else {
      const span = bytes.subarray(at, at + e.length);
      const to = e.to % (bytes.length + 1);
      out = Buffer.concat([bytes.subarray(0, to), span, bytes.subarray(to)]);
    }
    source = out.toString('utf8'); // as readFileSync(path, 'utf8') decodes it: bad sequences become U+FFFD
  }
  return source;
}

function pathsOf(value: unknown, limit = 20_000): (string | number)[][] {
  const paths: (string | number)[][] = [[]];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && paths.length < limit) {
    const { value: node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      paths.push([...path, key]);
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return paths;
}

const MISSING = Symbol('missing');
const SCATTER_LIMIT = 60;

function replacementValue(r: Replacement, root: unknown, paths: (string | number)[][]): unknown {
  switch (r.as) {
    case 'missing': case 'rename': return MISSING;
    case 'copy': return structuredClone(valueAt(root, paths[r.from % paths.length]));
    case 'list': return [1, 'x', { a: null }];
    case 'object': return { a: 1, b: ['x'] };
    case 'null': return null;
    case 'true': return true;
    case 'empty-list': return [];
    case 'empty-object': return {};
    case 'empty-string': return '';
    case 'number': return r.value;
    case 'string': return r.value;
    case 'huge': return `__HUGE_${r.literal}__`;
    case 'bomb': return `__BOMB_${r.kind}_${r.depth}__`;
    case 'deep': {
      let v: unknown = 1;
      for (let i = 0; i < r.depth; i++) v = r.kind === 'list' ? [v] : { a: v };
      return v;
    }
  }
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

function retyped(value: unknown, paths: (string | number)[][], c: Case): unknown {
  let root = structuredClone(value);
  const picks = [...c.retype];
  if (c.scatter) {
    const random = mulberry32(c.scatter.seed);
    // At most SCATTER_LIMIT nodes, so a large genesis does not become a file of tens of megabytes.
    for (let node = 0; node < paths.length && picks.length < SCATTER_LIMIT; node++) {
      if (random() < c.scatter.rate) picks.push({ node, with: c.scatter.with[Math.floor(random() * c.scatter.with.length)] });
    }
  }
  for (const pick of picks) {
    const path = paths[pick.node % paths.length];
    const replacement = replacementValue(pick.with, value, paths);
    if (path.length === 0) {
      root = replacement === MISSING ? {} : replacement;
      continue;
    }
    const parent = valueAt(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[] | undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const key = path[path.length - 1];
    if (pick.with.as === 'rename') {
      if (Array.isArray(parent)) continue;
      const entries = Object.entries(parent);
      for (const [k] of entries) delete (parent as Record<string, unknown>)[k];
      // defineProperty, so `__proto__` becomes an own key as JSON.parse would make it, not the prototype.
      for (const [k, v] of entries) Object.defineProperty(parent, k === String(key) ? pick.with.to : k, { value: v, enumerable: true, writable: true, configurable: true });
    } else if (replacement !== MISSING) (parent as Record<string | number, unknown>)[key] = replacement;
    else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete (parent as Record<string | number, unknown>)[key];
  }
  return root;
}

/**
 * Writes a value in a format. `__HUGE_<literal>__` strings become bare number literals beyond what
 * JSON.stringify can write; `__BOMB_<kind>_<depth>__` strings become nesting written on one line
 * (flow collections in YAML, inline arrays and tables in TOML).
 */
function serialize(value: unknown, format: Format): string {
  const text = format === 'yaml' ? yamlStringify(value, { aliasDuplicateObjects: false }) : format === 'toml' ? toToml(value) : JSON.stringify(value, null, 2) ?? 'null';
  return text
    .replace(/["']?__HUGE_([^"'\s]+?)__["']?/g, '$1')
    .replace(/["']?__BOMB_(list|object)_(\d+)__["']?/g, (_m, kind: string, depth: string) => {
      const [open, close] = kind === 'list' ? ['[', ']'] : format === 'toml' ? ['{ a = ', ' }'] : ['{"a": ', '}'];
      return open.repeat(Number(depth)) + '1' + close.repeat(Number(depth));
    });
}

const TOML_BARE_KEY = /^[A-Za-z0-9_-]+$/;
const tomlKey = (key: string) => (TOML_BARE_KEY.test(key) ? key : JSON.stringify(key));

function tomlInline(value: unknown): string {
  if (value === null || value === undefined) return '""'; // TOML has no null
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '""' : value.toISOString();
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(', ')}]`;
  return `{ ${Object.entries(value as object).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`).join(', ')} }`;
}

/** A minimal TOML writer: top-level keys, everything below them as inline arrays and tables. */
function toToml(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return tomlInline(value);
  return Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}\n`).join('');
}

// ---------------------------------------------------------------------------------------------
// What must hold for every input

function describeCase(c: Case): string {
  return JSON.stringify(c, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v));
}

/** The text's lines as the LSP counts them: \r\n, \n and a lone \r each end one. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function checkRange(range: Finding['range'], lines: string[], what: string): void {
  const { start, end } = range;
  const ok =
    Number.isInteger(start.line) && Number.isInteger(end.line) && Number.isInteger(start.character) && Number.isInteger(end.character) &&
    start.line >= 0 && end.line < lines.length && start.character >= 0 &&
    (start.line < end.line || (start.line === end.line && start.character <= end.character)) &&
    start.character <= lines[start.line].length && end.character <= lines[end.line].length;
  if (!ok) throw new Error(`${what}: range ${JSON.stringify(range)} is not inside the text (${lines.length} lines)`);
}

/** Checks a report's invariants; returns the first fix's result so it can be linted in turn. */
function checkReport(report: FileReport, uri: string, text: string, others: ReadonlyMap<string, string> = new Map()): string | undefined {
  const lines = lspLines(text);
  const linesOf = (file: string) => (file === uri ? lines : others.has(file) ? lspLines(others.get(file)!) : undefined);
  let fixed: string | undefined;
  for (const finding of [...report.findings, ...report.suppressed]) {
    stats.findings++;
    const what = `${finding.ruleId} "${finding.message}"`;
    if (!KNOWN_RULES.has(finding.ruleId)) throw new Error(`unknown rule id ${finding.ruleId}`);
    if (finding.ruleId === 'internal-error') throw new Error(`internal error: ${finding.message}`);
    if (typeof finding.message !== 'string' || finding.message.trim() === '') throw new Error(`${finding.ruleId}: empty message`);
    if (finding.uri !== uri) throw new Error(`${what}: reported in ${finding.uri}, not in the linted file`);
    checkRange(finding.range, lines, what);
    for (const related of finding.related) {
      const where = linesOf(related.uri);
      if (!where) throw new Error(`${what}: related location in ${related.uri}, outside the chain`);
      checkRange(related.range, where, `${what} related`);
    }
    for (const fix of finding.fixes) {
      const edits: TextEdit[] = fix.edits.filter((e) => e.uri === uri);
      for (const e of edits) checkRange(e.range, lines, `${what} fix "${fix.title}"`);
      const result = applyEdits(text, edits);
      stats.fixesApplied++;
      fixed ??= result;
    }
  }
  return fixed;
}

function lintChecked(uri: string, text: string, config: ResolvedConfig): FileReport {
  const started = performance.now();
  const doc = parseDocument(uri, text); // what lintText does, keeping the parse problems to compare
  const report = lintDocument(doc, { config, explicit: true, now: TODAY });
  const elapsed = performance.now() - started;
  checkParseErrors(doc, report, config);
  stats.inputs++;
  stats.largest = Math.max(stats.largest, text.length);
  if (elapsed > stats.slowestMs) Object.assign(stats, { slowestMs: elapsed, slowest: relative(ROOT, uri), slowestText: text });
  return report;
}

/** A file that does not parse says so: each parse problem is a parse-error finding (the engine reports a repeated one once). */
function checkParseErrors(doc: ParsedDocument, report: FileReport, config: ResolvedConfig): void {
  if (config.rules['parse-error']?.severity === 'off') return;
  const problems = new Set(doc.problems.map((p) => `${p.span.start}|${p.span.end}|${p.message}`)).size;
  const reported = [...report.findings, ...report.suppressed].filter((f) => f.ruleId === 'parse-error').length;
  if (reported !== problems) throw new Error(`${problems} parse problems but ${reported} parse-error findings: ${doc.problems[0]?.message}`);
  // Nothing is dropped silently: a file named explicitly is read by an adapter, or told why not.
  const told = [...report.findings, ...report.suppressed].some((f) => f.ruleId === 'parse-error' || f.ruleId === 'unrecognized-config');
  if (!report.adapter && !told && config.rules['unrecognized-config']?.severity !== 'off') throw new Error('no adapter read the file, and no finding says so');
}

/** Lints one mutated input, checks it, then lints and checks the result of its first fix. */
function fuzzOne(uri: string, text: string, config: ResolvedConfig): void {
  const fixed = checkReport(lintChecked(uri, text, config), uri, text);
  if (fixed !== undefined) checkReport(lintChecked(uri, fixed, config), uri, fixed);
}

/** Lints a mutated input together with other files of its folder, as the CLI lints a chain. */
function fuzzChain(uri: string, text: string, siblings: ParsedDocument[], config: ResolvedConfig): void {
  const members = [parseDocument(uri, text), ...siblings.filter((doc) => doc.uri !== uri)];
  const started = performance.now();
  const reports = lintChain(members.map((doc) => ({ doc, explicit: true })), { config, now: TODAY });
  stats.inputs++;
  stats.largest = Math.max(stats.largest, text.length);
  const elapsed = performance.now() - started;
  if (elapsed > stats.slowestMs) Object.assign(stats, { slowestMs: elapsed, slowest: `${relative(ROOT, uri)} (chain)`, slowestText: text });
  const texts = new Map(members.map((doc) => [doc.uri, doc.text]));
  reports.forEach((report, i) => {
    checkParseErrors(members[i], report, config);
    checkReport(report, members[i].uri, members[i].text, texts);
  });
}

/** Each fixture gets its own seed, derived from SEED and its path, so fixtures see different inputs and adding one changes no other. */
function seedOf(name: string): number {
  let hash = SEED | 0;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash;
}

function run(name: string, property: fc.IProperty<[Case]>, numRuns: number): void {
  const seed = seedOf(name);
  // The run, shrinking a failure included, stops after 15 s: a fixture whose inputs take that long (normally well under 1 s) fails as a hang.
  const result = fc.check(property, { seed, numRuns, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true });
  if (result.failed) {
    const hang = result.interrupted && !result.counterexample;
    if (hang) stats.hangs++;
    else stats.crashes++;
    const error = result.errorInstance as Error | undefined;
    throw new Error(
      `fuzz failure on ${name} (fast-check seed ${seed}, path "${result.counterexamplePath}"${hang ? ', interrupted after 15 s' : ''}; ` +
      `CHOKEPOINT_FUZZ_SEED=${SEED} npx vitest run test/fuzz.test.ts -t '${name}' reproduces it)\n` +
      `input: ${result.counterexample ? describeCase(result.counterexample[0]) : '?'}\n${error?.stack ?? String(error)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing every fixture', () => {
  beforeAll(() => process.on('warning', onWarning));
  afterAll(() => {
    if (process.env.CHOKEPOINT_FUZZ_SLOWEST) writeFileSync(process.env.CHOKEPOINT_FUZZ_SLOWEST, stats.slowestText);
    process.off('warning', onWarning);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `fuzz: ${stats.inputs} inputs, ${stats.crashes} crashes, ${stats.hangs} hangs (seed ${SEED}, ${FIXTURES.length} fixtures + ${CONFIGS.length} configs, ` +
      `${stats.findings} findings checked, ${stats.fixesApplied} fixes applied, slowest input ${stats.slowestMs.toFixed(0)} ms on ${stats.slowest}, largest ${(stats.largest / 1e6).toFixed(1)} MB, ${seconds} s)`,
    );
  });

  it('has fixtures to fuzz', () => {
    expect(FIXTURES.length).toBeGreaterThan(100);
    expect(CONFIGS.length).toBeGreaterThan(3);
  });

  it.each(FIXTURES.map((path) => [relative(ROOT, path), path]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const doc = parseDocument(path, text);
    const paths = pathsOf(doc.value);
    const config = resolver.configFor(path);
    const base = path.replace(LINTED, '');
    const siblings = FIXTURES.filter((file) => file !== path && dirname(file) === dirname(path)).slice(0, 2).map((file) => parseDocument(file, readFileSync(file, 'utf8')));
    run(relative(ROOT, path), fc.property(fuzzCase, (c) => {
      const uri = c.ext === undefined ? path : base + c.ext;
      const mutated = applyCase(text, doc.format, doc.value, paths, c);
      if (c.chain && siblings.length > 0) fuzzChain(uri, mutated, siblings, config);
      else fuzzOne(uri, mutated, config);
    }), RUNS);
  }, 20_000);

  // A mutated .chokepoint.yaml must become config problems, never an exception; a config that
  // still validates is used to lint the files it governs.
  it.each(CONFIGS.map((path) => [relative(ROOT, path), path]))('%s (as configuration)', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const doc = parseDocument(path, text, 'yaml');
    const paths = pathsOf(doc.value);
    const dir = dirname(path);
    const governed = FIXTURES.filter((file) => file.startsWith(dir + '/')).slice(0, 2).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    run(relative(ROOT, path), fc.property(fuzzCase, (c) => {
      const config = parseConfigText(path, dir, applyCase(text, 'yaml', doc.value, paths, { ...c, ext: undefined, chain: false }));
      stats.inputs++;
      for (const problem of config.problems) if (!problem.message) throw new Error('config problem without a message');
      if (config.problems.length === 0) for (const { file, text: source } of governed) fuzzOne(resolve(file), source, config);
    }), CONFIG_RUNS);
  }, 20_000);

  it('made the engine print no runtime warnings', async () => {
    await new Promise((done) => setImmediate(done)); // process.emitWarning reports on the next tick
    expect(warnings.slice(0, 5)).toEqual([]);
  });
});

/** Inputs the fuzzer found, kept as fixed cases. */
describe('regressions found by fuzzing', () => {
  it('a YAML collection used as a key is read without printing a warning on stderr', async () => {
    const seen: string[] = [];
    const listener = (warning: Error) => seen.push(warning.message);
    process.on('warning', listener);
    try {
      // A truncated JSON file linted under a .yaml name: its first object becomes a mapping key.
      const report = lintSource('deploy-config.yaml', '{ "finalSystemOwner": "0x1" }: x\n? [a, b]\n: c\n');
      await new Promise((done) => setImmediate(done));
      expect(seen).toEqual([]);
      expect(report.findings.map((f) => f.ruleId)).toEqual(['unrecognized-config']);
    } finally {
      process.off('warning', listener);
    }
  });
});
