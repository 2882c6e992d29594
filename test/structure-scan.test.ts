import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosmosGenesis } from '../bench/generate';
import { parseDocument, type Path } from '../server/src/engine/parse/index';
import { JsonLocator } from '../server/src/engine/parse/json-locator';
import { PRESCAN_MIN_CHARS } from '../server/src/engine/parse/prescan';
import { StructureScanner, type StructureIndex } from '../server/src/engine/parse/structure-scan';
import { LineIndex } from '../server/src/engine/text/positions';
import { BUILT_CLI as CLI, ensureBuiltCli, temporaryFolders } from './helpers/cli-run';
import { generatedDocuments } from './helpers/generated-json';
import { lintFile } from './helpers/lint';
import { mulberry32 } from './helpers/random';

/**
 * A large JSON file's structure is scanned from its bytes on another thread while the text is
 * parsed (parse/prescan.ts). The scan must describe exactly the text the locator sees, whatever
 * the chunking, escapes, non-ASCII characters, BOM or line endings; and the locator must give the
 * same spans with it as without it.
 */

/** Scans `text` as UTF-8 bytes cut into chunks of random sizes, with thresholds small enough to record something in small documents. */
function scan(text: string, seed: number, largeBytes = 16, every = 2): StructureIndex {
  const bytes = Buffer.from(text, 'utf8');
  const rand = mulberry32(seed);
  const scanner = new StructureScanner(largeBytes, every);
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(rand() * 13);
    scanner.feed(bytes.subarray(at, at + size));
    at += size;
  }
  return scanner.finish();
}

/** Every path to a value in `value`. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

describe('the structure scan', () => {
  const documents = [...generatedDocuments(false, 120), ...generatedDocuments(true, 60)];

  it.each(documents)('document #$seed: records the true end of each large container and the start of every other array element', ({ text, expected, seed }) => {
    const index = scan(text, seed);
    expect(index.length).toBe(text.length);
    for (const [start, end] of index.ends) {
      const span = expected.find((e) => e.value.start === start);
      expect(span, `a container at ${start}`).toBeDefined();
      expect(end).toBe(span!.value.end);
    }
    for (const [arrayStart, starts] of index.checkpoints) {
      const array = expected.find((e) => e.value.start === arrayStart)!;
      starts.forEach((offset, k) => {
        const element = expected.find((e) => e.path.length === array.path.length + 1 && e.path.slice(0, -1).join('\u0000') === array.path.join('\u0000') && e.path.at(-1) === (k + 1) * index.every);
        expect(element, `element ${(k + 1) * index.every} of the array at ${arrayStart}`).toBeDefined();
        expect(text.slice(offset, element!.value.start).trim()).toBe('');
      });
    }
    const lines = new LineIndex(text);
    expect(index.lines).toBe(lines.lineCount);
    expect(index.carriageReturns).toBe(text.includes('\r'));
  });

  it.each(documents.filter((d) => !d.text.includes('\r')))('document #$seed: the locator gives the same spans and positions with the scan as without', ({ text, seed }) => {
    const value = JSON.parse(text.replace(/^\uFEFF/, ''));
    const index = scan(text, seed + 1, 0, 1);
    const plain = new JsonLocator(text);
    const helped = new JsonLocator(text, () => index);
    for (const path of paths(value)) expect(helped.locate(path), JSON.stringify(path)).toEqual(plain.locate(path));
    const lines = new LineIndex(text);
    const knownLines = new LineIndex(text, () => index);
    for (let offset = 0; offset <= text.length; offset += 7) expect(knownLines.positionAt(offset)).toEqual(lines.positionAt(offset));
  });

  it('is ignored when it describes another text, and an end that does not close its container is not trusted', () => {
    const text = '{"a": [1, 2, 3], "b": {"c": [4, 5]}}';
    const index = scan(text, 1, 0, 1);
    const shorter = scan(text.slice(0, -1), 1, 0, 1);
    expect(new JsonLocator(text, () => shorter).locate(['b', 'c', 1])).toEqual(new JsonLocator(text).locate(['b', 'c', 1]));
    const lying: StructureIndex = { ...index, ends: new Map([...index.ends].map(([start, end]) => [start, end - 1])) };
    expect(new JsonLocator(text, () => lying).locate(['b', 'c', 1])).toEqual(new JsonLocator(text).locate(['b', 'c', 1]));
    expect(new JsonLocator(text, () => undefined).locate(['a', 2])).toEqual(new JsonLocator(text).locate(['a', 2]));
  });

  it('carries an escape split across chunks', () => {
    const text = '{"k\\\\": ["\\"]", "\\\\", "x"], "z": 1}';
    expect(JSON.parse(text)).toEqual({ 'k\\': ['"]', '\\', 'x'], z: 1 });
    for (let seed = 0; seed < 50; seed++) {
      const index = scan(text, seed, 0, 1);
      const located = new JsonLocator(text, () => index);
      expect(located.locate(['k\\', 2])).toEqual(new JsonLocator(text).locate(['k\\', 2]));
      expect(located.locate(['z'])).toEqual(new JsonLocator(text).locate(['z']));
    }
  });
});

describe('a genesis above the prescan size, through the CLI', () => {
  let path = '';
  let whale = '';
  ensureBuiltCli();
  const folder = temporaryFolders('chokepoint-prescan-');
  beforeAll(() => {
    path = join(folder(), 'genesis.json');
    // The largest holder moved to the end of the balances, so locating it goes through the checkpoints of a long array.
    const genesis = JSON.parse(cosmosGenesis(PRESCAN_MIN_CHARS + 1_000_000));
    const balances = genesis.app_state.bank.balances;
    [balances[0], balances[balances.length - 1]] = [balances[balances.length - 1], balances[0]];
    whale = balances[balances.length - 1].address;
    writeFileSync(path, JSON.stringify(genesis, null, 2));
  });

  it('reports the same findings at the same places as a lint without the prescan', () => {
    const output = execFileSync(process.execPath, [CLI, 'lint', path, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const viaCli = (JSON.parse(output) as { files: { findings: { ruleId: string; range: unknown; message: string }[] }[] }).files[0].findings;
    const inProcess = lintFile(path).findings;
    expect(viaCli.length).toBeGreaterThan(0);
    expect(viaCli.map((f) => [f.ruleId, f.range, f.message])).toEqual(inProcess.map((f) => [f.ruleId, f.range, f.message]));
    const text = readFileSync(path, 'utf8');
    const line = parseDocument(path, text).lines.positionAt(text.lastIndexOf(whale)).line;
    expect(viaCli.find((f) => f.ruleId === 'supply-concentration')?.range).toMatchObject({ start: { line } });
  });
});
