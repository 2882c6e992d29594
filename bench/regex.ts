/**
 * Every regular expression of the engine, the server and the extension against inputs made to make
 * it backtrack (issue 16): each is run on strings built from its own characters and words, at two
 * lengths, and the worst time is printed with its growth when the input doubles (about 2 for
 * linear time, 4 for quadratic). `npm run bench:regex`.
 *
 * The expressions are the literals in the source (read with TypeScript's parser) and those the lint
 * builds at run time, recorded while it lints the examples and fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintText } from '../server/src/engine/lint';

const ROOT = join(__dirname, '..', '..');
const SHORT = 20_000;
const LONG = 40_000;
/** Past this at the longer length, a case is marked. */
const SLOW_MS = 50;

/** Expressions the code runs only on text of bounded length: measured at that length, and said so. */
const BOUNDED = new Map<string, { chars: number; why: string }>([
  [String(/[&!][^\s,[\]{}]*\s+$/), { chars: 256, why: 'the text before a YAML value on its line, cut to 256 characters (fixes.ts)' }],
  [String(/(?<!\d)(\d+)\s*(?:\/|-of-|\s+of\s+)\s*(\d+)/), { chars: 1024, why: 'a directive, at most 1,024 characters (MAX_DIRECTIVE)' }],
]);

interface Found {
  regex: RegExp;
  where: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** The regular-expression literals of the source, with where each is. */
function literals(): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const file of [...sourceFiles(join(ROOT, 'server/src')), ...sourceFiles(join(ROOT, 'client/src'))]) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        const regex = new RegExp(text.slice(1, end), text.slice(end + 1));
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const key = String(regex);
        if (!found.has(key)) found.set(key, { regex, where: `${relative(ROOT, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The expressions the lint runs, recorded while it lints every example and fixture (those built at run time included). */
function usedByLint(): Map<string, RegExp> {
  const used = new Map<string, RegExp>();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    used.set(String(this), this);
    return exec.call(this, text);
  };
  try {
    const resolver = new ConfigResolver();
    const files = [...walkConfigs(join(ROOT, 'examples')), ...walkConfigs(join(ROOT, 'test/fixtures'))];
    for (const path of files) {
      lintText(path, readFileSync(path, 'utf8'), { config: resolver.configFor(path), explicit: true });
    }
  } finally {
    RegExp.prototype.exec = exec;
  }
  return used;
}

function walkConfigs(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walkConfigs(path, out);
    else if (/\.(json|jsonc|ya?ml|toml)$/.test(entry.name)) out.push(path);
  }
  return out;
}

const EXTRA = ['a', 'A', '1', '0', ' ', '\t', '\n', '\r', ':', '=', '-', '.', '/', '"', "'", '#', 'x', '_', ',', '*'];

/** Strings that make `regex` try hard: runs of one character, of two alternating, and of the words it names, each ending in a character it does not expect. */
function attacks(regex: RegExp, length: number): string[] {
  const literalChars = [...new Set(regex.source.replace(/\\[dDsSwWbBnrtfv]/g, '').replace(/[\\()[\]{}|?*+^$]/g, '').split(''))];
  const chars = [...new Set([...literalChars.slice(0, 24), ...EXTRA])];
  const words = [...new Set(regex.source.match(/[A-Za-z0-9_:-]{2,}/g) ?? [])].slice(0, 24);
  const end = '\u0001';
  const out: string[] = [];
  const fill = (unit: string) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + end;
  for (const c of chars) out.push(fill(c));
  const pairs = chars.slice(0, 14);
  for (const a of pairs) for (const b of pairs) if (a !== b) out.push(fill(a + b));
  for (const word of words) for (const c of [' ', '1', 'a', ':', '']) out.push(fill(word + c));
  return out;
}

/** The worst time of `regex` over `inputs`, in ms, as the code would run it (every match of a global one). */
function worst(regex: RegExp, inputs: string[]): { ms: number; input: number } {
  let max = { ms: 0, input: 0 };
  inputs.forEach((input, i) => {
    const fresh = new RegExp(regex.source, regex.flags);
    const started = performance.now();
    if (fresh.global) input.match(fresh);
    else fresh.exec(input);
    const ms = performance.now() - started;
    if (ms > max.ms) max = { ms, input: i };
  });
  return max;
}

function describeInput(input: string): string {
  const unit = input.slice(0, 8).replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${unit}…" × ${input.length.toLocaleString('en-US')}`;
}

function main(): void {
  const found = literals();
  let runtime = 0;
  for (const [key, regex] of usedByLint()) {
    if (!found.has(key)) {
      found.set(key, { regex, where: '(built at run time)' });
      runtime++;
    }
  }
  const results = [...found.values()].map(({ regex, where }) => {
    const bound = BOUNDED.get(String(regex));
    const short = worst(regex, attacks(regex, Math.min(SHORT, bound?.chars ?? SHORT)));
    const longInputs = attacks(regex, Math.min(LONG, bound?.chars ?? LONG));
    const long = worst(regex, longInputs);
    return { regex, where: bound ? `${where} (input ≤ ${bound.chars} chars: ${bound.why})` : where, short: short.ms, long: long.ms, input: longInputs[long.input] };
  });
  results.sort((a, b) => b.long - a.long);
  const slow = results.filter((r) => r.long > SLOW_MS);
  console.log(`${found.size} regular expressions (${runtime} built at run time), each on its worst input of ${SHORT.toLocaleString('en-US')} and ${LONG.toLocaleString('en-US')} characters; ${slow.length} over ${SLOW_MS} ms.\n`);
  const rows = [`| where | expression | ms at ${SHORT / 1000}k | ms at ${LONG / 1000}k | growth | worst input |`, '|---|---|---|---|---|---|'];
  for (const r of results.slice(0, 12)) {
    const shown = String(r.regex).length > 60 ? `${String(r.regex).slice(0, 57)}…` : String(r.regex);
    rows.push(`| ${r.where} | \`${shown.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${r.short.toFixed(2)} | ${r.long.toFixed(2)} | ${(r.long / Math.max(r.short, 0.01)).toFixed(1)} | ${describeInput(r.input).replace(/\|/g, '\\|')} |`);
  }
  console.log(rows.join('\n'));
  if (slow.length > 0) process.exitCode = 1;
}

main();
