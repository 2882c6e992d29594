import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTOML } from 'toml-eslint-parser';
import { describe, expect, it } from 'vitest';
import { onigurumaOnly, regexSources, Tokenizer, type RawGrammar, type Token } from './helpers/textmate';

const ROOT = join(__dirname, '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const toml = readJson<RawGrammar>('syntaxes/toml.tmLanguage.json');
const directives = readJson<RawGrammar>('syntaxes/chokepoint-directives.tmLanguage.json');
const tokenizer = new Tokenizer(toml, [directives]);

/** The scopes of the token holding `needle` (the `nth` occurrence) on the first line containing `line`. */
function scopesOf(lines: Token[][], text: string, line: string, needle: string): string[] {
  const index = text.split('\n').findIndex((l) => l.includes(line));
  expect(index, `no line with ${line}`).toBeGreaterThanOrEqual(0);
  const tokens = lines[index];
  const token = tokens.find((t) => t.text === needle) ?? tokens.find((t) => t.text.includes(needle));
  expect(token, `no token ${needle} in ${JSON.stringify(tokens)}`).toBeDefined();
  return token!.scopes;
}

describe('the TOML grammar', () => {
  it('is written in the regular expressions Oniguruma and JavaScript read alike', () => {
    for (const grammar of [toml, directives]) {
      for (const { where, source } of regexSources(grammar)) {
        expect(() => new RegExp(source), where).not.toThrow();
        expect(onigurumaOnly(source), `${where}: ${source}`).toBeUndefined();
      }
    }
  });

  it('is contributed for the toml language, with the language configuration, and the directive injection targets its scope', () => {
    const manifest = readJson<{ contributes: { languages: { id: string; configuration?: string }[]; grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[] } }>('package.json');
    const language = manifest.contributes.languages.find((l) => l.id === 'toml');
    expect(language?.configuration).toBe('./languages/toml.language-configuration.json');
    const configuration = readJson<{ comments: { lineComment: string }; autoClosingPairs: { open: string }[] }>(language!.configuration!);
    expect(configuration.comments.lineComment).toBe('#');
    expect(configuration.autoClosingPairs.map((p) => p.open)).toEqual(['{', '[', '"', "'"]);
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'toml');
    expect(grammar).toMatchObject({ scopeName: toml.scopeName, path: './syntaxes/toml.tmLanguage.json' });
    expect(toml.scopeName).toBe('source.toml');
    const injection = manifest.contributes.grammars.find((g) => g.scopeName === directives.scopeName);
    expect(injection?.injectTo).toContain(toml.scopeName);
    const ignored = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['!syntaxes/**', '!languages/**']));
  });

  const SAMPLE = [
    '# chokepoint-disable-next-line dev-key-authority expires 2030-01-01 -- a test key',
    '[superchainRoles] # the roles',
    '  Owner = "0x84\\u00e9\\q" # chokepoint: multisig 5-of-7 entity safe',
    '[[chains]]',
    `"quoted.key".bare.'lit' = 'C:\\path'`,
    'when = 1979-05-27T07:32:00-08:00',
    'nums = [1, -2, +3.5e-2, 0xDEAD_beef, 0o17, 0b1010, -inf, 1_000]',
    'inline = { on = true, off.set = false }',
    'multi = """',
    'first "line" \\',
    '  #not-a-comment"""""',
    "after = '''raw \\n'''",
  ].join('\n');

  it('scopes comments, tables, keys, strings, numbers, booleans, dates, arrays and inline tables', () => {
    const lines = tokenizer.tokenize(SAMPLE);
    const at = (line: string, needle: string) => scopesOf(lines, SAMPLE, line, needle);
    expect(at('[superchainRoles]', 'superchainRoles')).toEqual(['source.toml', 'meta.table.toml', 'entity.name.type.table.toml']);
    expect(at('[superchainRoles]', '[')).toContain('punctuation.definition.table.begin.toml');
    expect(at('[superchainRoles]', 'the roles')).toContain('comment.line.number-sign.toml');
    expect(at('[[chains]]', 'chains')).toEqual(['source.toml', 'meta.array-table.toml', 'entity.name.type.table.toml']);
    expect(at('Owner', 'Owner')).toEqual(['source.toml', 'support.type.property-name.toml']);
    expect(at('Owner', '=')).toEqual(['source.toml', 'punctuation.separator.key-value.toml']);
    expect(at('Owner', '0x84')).toEqual(['source.toml', 'string.quoted.double.basic.line.toml']);
    expect(at('Owner', '\\u00e9')).toContain('constant.character.escape.toml');
    expect(at('Owner', '\\q')).toContain('invalid.illegal.escape.toml');
    expect(at('quoted.key', '"quoted.key"')).toEqual(['source.toml', 'support.type.property-name.quoted.toml']);
    expect(at('quoted.key', 'bare')).toEqual(['source.toml', 'support.type.property-name.toml']);
    expect(at('quoted.key', '.')).toContain('punctuation.separator.dot.toml');
    expect(at('quoted.key', "'lit'")).toContain('support.type.property-name.quoted.toml');
    expect(at('quoted.key', 'C:\\path')).toContain('string.quoted.single.literal.line.toml');
    expect(at('when', '1979-05-27T07:32:00-08:00')).toContain('constant.other.date-time.offset.toml');
    expect(at('nums', '-2')).toEqual(['source.toml', 'meta.array.toml', 'constant.numeric.integer.decimal.toml']);
    expect(at('nums', '+3.5e-2')).toContain('constant.numeric.float.toml');
    expect(at('nums', '0xDEAD_beef')).toContain('constant.numeric.integer.hex.toml');
    expect(at('nums', '0o17')).toContain('constant.numeric.integer.octal.toml');
    expect(at('nums', '0b1010')).toContain('constant.numeric.integer.binary.toml');
    expect(at('nums', '-inf')).toContain('constant.numeric.float.special.toml');
    expect(at('nums', '1_000')).toContain('constant.numeric.integer.decimal.toml');
    expect(at('nums', ',')).toContain('punctuation.separator.array.toml');
    expect(at('inline', 'on')).toEqual(['source.toml', 'meta.inline-table.toml', 'support.type.property-name.toml']);
    expect(at('inline', 'true')).toEqual(['source.toml', 'meta.inline-table.toml', 'constant.language.boolean.toml']);
    expect(at('inline', 'set')).toContain('support.type.property-name.toml');
    expect(at('inline', '}')).toContain('punctuation.definition.inline-table.end.toml');
    // A multi-line string runs across lines, ignores what looks like a comment, and keeps the quotes before its last three.
    expect(at('first "line"', 'first "line" ')).toEqual(['source.toml', 'string.quoted.triple.basic.block.toml']);
    expect(at('first "line"', '\\')).toContain('constant.character.escape.line-ending.toml');
    expect(at('#not-a-comment', '  #not-a-comment""')).toEqual(['source.toml', 'string.quoted.triple.basic.block.toml']);
    expect(at('#not-a-comment', '"""')).toContain('punctuation.definition.string.end.toml');
    expect(at('after', 'raw \\n')).toEqual(['source.toml', 'string.quoted.triple.literal.block.toml']);
    expect(at('after', 'after')).toEqual(['source.toml', 'support.type.property-name.toml']);
  });

  it('lets the directive injection highlight chokepoint comments', () => {
    const lines = tokenizer.tokenize(SAMPLE);
    const at = (line: string, needle: string) => scopesOf(lines, SAMPLE, line, needle);
    expect(at('chokepoint-disable', 'chokepoint-disable-next-line')).toEqual(['source.toml', 'comment.line.number-sign.toml', 'keyword.control.directive.chokepoint']);
    expect(at('chokepoint-disable', 'dev-key-authority')).toContain('entity.name.tag.rule.chokepoint');
    expect(at('chokepoint-disable', '2030-01-01')).toContain('constant.numeric.date.chokepoint');
    expect(at('chokepoint-disable', 'a test key')).toContain('string.unquoted.reason.chokepoint');
    expect(at('Owner', 'chokepoint')).toEqual(['source.toml', 'comment.line.number-sign.toml', 'keyword.control.directive.chokepoint']);
    expect(at('Owner', '5-of-7')).toContain('constant.numeric.threshold.chokepoint');
    expect(at('Owner', 'multisig')).toContain('storage.type.entity-kind.chokepoint');
    // Outside a comment the word is no directive.
    const plain = new Tokenizer(toml, [directives]).tokenize('chokepoint = "chokepoint: eoa"')[0];
    expect(plain.flatMap((t) => t.scopes).filter((s) => s.endsWith('.chokepoint'))).toEqual([]);
  });

  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.toml') ? [join(dir, e.name)] : []));
  const tomlFiles = [...files(join(ROOT, 'examples')), ...files(join(ROOT, 'test'))];

  it('scopes every token of every TOML file in examples/ and test/ as toml-eslint-parser reads it', () => {
    expect(tomlFiles.length).toBeGreaterThan(20);
    let checked = 0;
    for (const file of tomlFiles) {
      const text = readFileSync(file, 'utf8');
      let ast: ReturnType<typeof parseTOML>;
      try {
        ast = parseTOML(text);
      } catch {
        continue; // A fixture of a syntax error: no reading to compare with.
      }
      const scopes = scopesByOffset(text, tokenizer.tokenize(text));
      const tableKeys = new Set<number>();
      const keys = new Set<number>();
      visit(ast, (node) => {
        if (node.type !== 'TOMLKey') return;
        const target = (node.parent as { type: string }).type === 'TOMLTable' ? tableKeys : keys;
        for (let i = node.range[0]; i < node.range[1]; i++) target.add(i);
      });
      const expectations: [number, number, string][] = [];
      for (const token of ast.tokens as unknown as { type: string; value: string; range: [number, number] }[]) {
        const [start, end] = token.range;
        const expected = tableKeys.has(start) ? (token.type === 'Punctuator' ? 'punctuation.separator.dot.toml' : 'entity.name.type.table')
          : keys.has(start) ? (token.type === 'Punctuator' ? 'punctuation.separator.dot.toml' : 'support.type.property-name')
          : token.type.endsWith('String') ? 'string.quoted'
          : token.type === 'Integer' ? 'constant.numeric.integer'
          : token.type === 'Float' ? 'constant.numeric.float'
          : token.type === 'Boolean' ? 'constant.language.boolean'
          : /Date|Time/.test(token.type) ? 'constant.other.'
          : token.type === 'Punctuator' ? 'punctuation.'
          : `no scope for a ${token.type}`;
        expectations.push([start, end, expected]);
      }
      for (const comment of ast.comments as unknown as { range: [number, number] }[]) expectations.push([comment.range[0], comment.range[1], 'comment.line.number-sign.toml']);
      for (const [start, end, expected] of expectations) {
        for (let i = start; i < end; i++) {
          if (text[i] === '\n' || text[i] === '\r') continue;
          const where = `${relative(ROOT, file)}:${text.slice(0, i).split('\n').length}: ${JSON.stringify(text.slice(start, end))}`;
          expect(scopes[i]?.some((s) => s.startsWith(expected)), `${where} has ${scopes[i]?.join(' ')}, not ${expected}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

/** The scopes of each character of `text`. */
function scopesByOffset(text: string, lines: Token[][]): string[][] {
  const out: string[][] = [];
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    let at = offset;
    for (const token of lines[i]) for (let c = 0; c < token.text.length; c++) out[at++] = token.scopes;
    offset += line.length + 1;
  });
  return out;
}

type Node = { type: string; range: [number, number]; parent?: unknown };
function visit(node: unknown, callback: (node: Node) => void, seen = new Set<unknown>()): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (typeof (node as Node).type === 'string' && (node as Node).type.startsWith('TOML')) callback(node as Node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'tokens' || key === 'comments') continue;
    for (const child of Array.isArray(value) ? value : [value]) visit(child, callback, seen);
  }
}
