import { describe, expect, it } from 'vitest';
import { formatOf, parseDocument, type ParsedDocument, type Path } from '../server/src/engine/parse/index';
import { parseJsonc } from '../server/src/engine/parse/jsonc';
import type { Span } from '../server/src/engine/text/positions';
import { LineIndex } from '../server/src/engine/text/positions';
import { generatedDocuments, pick, slice, valueAt } from './helpers/generated-json';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mulberry32 } from './helpers/random';

describe('JSON: lazy locator and tolerant tree agree', () => {
  it.each(generatedDocuments(false, 150))('noisy document #$seed', ({ text, expected }) => {
    const fast = parseDocument('gen.json', text, 'json');
    const tree = parseDocument('gen.jsonc', text, 'jsonc');
    const raw = parseJsonc(text);
    expect(fast.problems).toEqual([]);
    expect(raw.problems).toEqual([]);
    expect(fast.format).toBe('json');
    expect(tree.value).toEqual(fast.value);
    for (const want of expected) {
      const label = JSON.stringify(want.path);
      const located = fast.locate(want.path);
      expect(located, label).toEqual({ key: want.key, value: want.value });
      expect(tree.locate(want.path), label).toEqual(located);
      expect(JSON.parse(slice(text, want.value)), label).toEqual(valueAt(fast.value, want.path));
      if (want.key) expect(JSON.parse(slice(text, want.key)), label).toBe(want.path[want.path.length - 1]);
    }
  });

  it.each(generatedDocuments(true, 150))('canonical document #$seed: each span is the JSON of its value', ({ text, expected }) => {
    const fast = parseDocument('gen.json', text, 'json');
    const tree = parseDocument('gen.jsonc', text, 'jsonc');
    expect(fast.problems).toEqual([]);
    for (const want of expected) {
      const located = fast.locate(want.path)!;
      expect(tree.locate(want.path)).toEqual(located);
      expect(slice(text, located.value)).toBe(JSON.stringify(valueAt(fast.value, want.path)));
      if (located.key) expect(slice(text, located.key)).toBe(JSON.stringify(want.path[want.path.length - 1]));
    }
  });

  it('agrees on a hand-written document with escapes, unicode, exponents, BOM and CRLF', () => {
    const text = '\uFEFF{\r\n  "a\\"b": "x\\\\",\r\n  "\\\\": [1E5, -2.5e-3, {}, [], ""],\r\n  "ü😀": {"\\u00fc": "\\ud83d\\ude00"},\r\n  "n": null\r\n}\r\n';
    const fast = parseDocument('hand.json', text, 'json');
    const tree = parseDocument('hand.json', text, 'jsonc');
    expect(fast.value).toEqual({ 'a"b': 'x\\', '\\': [100000, -0.0025, {}, [], ''], 'ü😀': { ü: '😀' }, n: null });
    const paths: Path[] = [[], ['a"b'], ['\\'], ['\\', 0], ['\\', 1], ['\\', 2], ['\\', 3], ['\\', 4], ['ü😀'], ['ü😀', 'ü'], ['n']];
    for (const path of paths) {
      expect(tree.locate(path), JSON.stringify(path)).toEqual(fast.locate(path));
      expect(JSON.parse(slice(text, fast.locate(path)!.value))).toEqual(valueAt(fast.value, path));
    }
    expect(slice(text, fast.locate(['a"b'])!.key!)).toBe('"a\\"b"');
    expect(slice(text, fast.locate(['a"b'])!.value)).toBe('"x\\\\"');
    expect(slice(text, fast.locate(['\\', 1])!.value)).toBe('-2.5e-3');
    expect(slice(text, fast.locate(['ü😀', 'ü'])!.key!)).toBe('"\\u00fc"');
    expect(fast.lines.positionAt(fast.locate(['n'])!.key!.start)).toEqual({ line: 4, character: 2 });
  });

  it('keeps the last of duplicate keys in value and spans alike', () => {
    const text = '{"a": 1, "a": [2]}';
    const fast = parseDocument('dup.json', text, 'json');
    const tree = parseDocument('dup.json', text, 'jsonc');
    expect(fast.value).toEqual({ a: [2] });
    expect(tree.value).toEqual({ a: [2] });
    expect(slice(text, fast.locate(['a'])!.value)).toBe('[2]');
    expect(tree.locate(['a'])).toEqual(fast.locate(['a']));
    expect(tree.locate(['a', 0])).toEqual(fast.locate(['a', 0]));
  });

  it('returns undefined for paths that are not in the document', () => {
    const text = '{"a": [1, {"b": 2}], "s": "x"}';
    for (const doc of [parseDocument('x.json', text, 'json'), parseDocument('x.json', text, 'jsonc')]) {
      for (const path of [['missing'], ['a', 2], ['a', -1], ['a', 'b'], ['a', 1, 'c'], ['s', 0], ['a', 0, 'x']] as Path[]) {
        expect(doc.locate(path), `${doc.format} ${JSON.stringify(path)}`).toBeUndefined();
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

function expectSpansInside(text: string, problems: { span: Span }[]): void {
  for (const problem of problems) {
    expect(problem.span.start).toBeGreaterThanOrEqual(0);
    expect(problem.span.end).toBeGreaterThanOrEqual(problem.span.start);
    expect(problem.span.end).toBeLessThanOrEqual(text.length);
  }
}

describe('JSONC', () => {
  it('accepts comments and trailing commas and collects the comments', () => {
    const text = '// head\n{\n  "a": 1, // after a\n  /* block\n     comment */ "b": [1, 2,],\n  "c": {"d": true,},\n}\n';
    const result = parseJsonc(text);
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({ a: 1, b: [1, 2], c: { d: true } });
    expect(result.comments.map((c) => c.text)).toEqual([' head', ' after a', ' block\n     comment ']);
    for (const comment of result.comments) expect(slice(text, comment.span)).toMatch(/^(\/\/|\/\*)/);
    const doc = parseDocument('with-comments.json', text);
    expect(doc.format).toBe('jsonc');
    expect(doc.problems).toEqual([]);
    expect(slice(text, doc.locate(['b', 1])!.value)).toBe('2');
    expect(slice(text, doc.locate(['c'])!.key!)).toBe('"c"');
  });

  it('does not take comment markers inside strings for comments', () => {
    const result = parseJsonc('{"url": "https://example.com/*x*/", "k//": 1}');
    expect(result.problems).toEqual([]);
    expect(result.comments).toEqual([]);
    expect(result.value).toEqual({ url: 'https://example.com/*x*/', 'k//': 1 });
  });

  const MALFORMED: [string, string][] = [
    ['missing comma between entries', '{"a": 1 "b": 2}'],
    ['missing comma in array', '[1 2 3]'],
    ['unclosed object', '{"a": 1'],
    ['unclosed array', '[1, 2'],
    ['unclosed string', '{"a": "oops}'],
    ['unclosed block comment', '{"a": 1} /* never ends'],
    ['stray closing bracket', '{"a": 1]}'],
    ['stray closing brace', '[1, 2}]'],
    ['stray token', '{"a": @}'],
    ['bare word value', '{"a": yes}'],
    ['unquoted key', '{a: 1}'],
    ['missing colon', '{"a" 1}'],
    ['missing value', '{"a": }'],
    ['double comma', '[1,,2]'],
    ['content after the document', '{"a": 1} {"b": 2}'],
    ['trailing garbage', '{"a": 1} x'],
    ['empty file', ''],
    ['whitespace only', '  \r\n\t \n'],
    ['comment only', '// nothing here\n'],
    ['only a colon', ':'],
    ['invalid escape', '{"a": "\\q"}'],
    ['lone BOM', '\uFEFF'],
    ['leading zero number', '[01]'],
    ['NaN literal', '[NaN, Infinity]'],
  ];

  it.each(MALFORMED)('reports %s with spans inside the text and never throws', (_, text) => {
    const result = parseJsonc(text);
    expect(result.problems.length).toBeGreaterThan(0);
    expectSpansInside(text, result.problems);
    for (const problem of result.problems) expect(problem.message).toMatch(/\w/);
    const doc = parseDocument('bad.json', text);
    expect(doc.problems.length).toBeGreaterThan(0);
    expectSpansInside(text, doc.problems);
  });

  it('reports every truncation of a document without throwing', () => {
    const text = '\uFEFF{\r\n  // the roles\r\n  "owner": "0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8",\r\n  "list": [1, -2.5e3, true, null, {"k": "v\\"w"}],\r\n  /* done */ "empty": {}\r\n}';
    expect(parseJsonc(text).problems).toEqual([]);
    for (let end = 0; end < text.length; end++) {
      const prefix = text.slice(0, end);
      const result = parseJsonc(prefix);
      expect(result.problems.length, JSON.stringify(prefix)).toBeGreaterThan(0);
      expectSpansInside(prefix, result.problems);
    }
  });

  it('survives random garbage', () => {
    const rand = mulberry32(42);
    const alphabet = ['{', '}', '[', ']', ':', ',', '"', '\\', '/', '*', '//', '/*', '*/', ' ', '\n', '\r\n', 'a', '1', '-', 'e', 'true', 'null', '"k"', '"v"'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(rand() * 40) }, () => pick(rand, alphabet)).join('');
      const result = parseJsonc(text);
      expectSpansInside(text, result.problems);
      expectSpansInside(text, result.comments);
    }
  });

  it('reads 100,000 levels of nesting without overflowing the stack', () => {
    const depth = 100_000;
    const open = parseJsonc('['.repeat(depth));
    expect(open.problems.length).toBeGreaterThan(0);
    expectSpansInside('['.repeat(depth), open.problems);

    const objects = '{"a":'.repeat(depth);
    const unclosedObjects = parseJsonc(objects);
    expect(unclosedObjects.problems.length).toBeGreaterThan(0);
    expectSpansInside(objects, unclosedObjects.problems);

    const closed = '['.repeat(depth) + ']'.repeat(depth);
    const doc = parseDocument('deep.jsonc', closed, 'jsonc');
    expect(doc.problems).toEqual([]);
    const deepPath = Array.from({ length: depth - 1 }, () => 0);
    expect(doc.locate(deepPath)).toEqual({ key: undefined, value: { start: depth - 1, end: depth + 1 } });

    const strict = parseDocument('deep.json', closed, 'json');
    expect(strict.problems).toEqual([]);
    // The lazy locator rescans each container it enters, so a full-depth path would be quadratic.
    expect(strict.locate([0, 0, 0])).toEqual({ value: { start: 3, end: 2 * depth - 3 } });
  });
});

// ---------------------------------------------------------------------------------------------

const located = (doc: ParsedDocument, path: Path) => {
  const at = doc.locate(path);
  if (!at) return undefined;
  return { key: at.key && slice(doc.text, at.key), value: slice(doc.text, at.value) };
};

describe('YAML', () => {
  it('does not take # inside quoted strings or block scalars for comments', () => {
    const text = [
      'double: "a # not a comment"',
      "single: 'b # nor this'",
      'plain: c#d',
      'block: |',
      '  line # inside the block',
      '  # still the block',
      'folded: >',
      '  more # text',
      '# a real comment',
      'after: 1 # trailing comment',
      '',
    ].join('\n');
    const doc = parseDocument('c.yaml', text);
    expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual({
      double: 'a # not a comment',
      single: 'b # nor this',
      plain: 'c#d',
      block: 'line # inside the block\n# still the block\n',
      folded: 'more # text\n',
      after: 1,
    });
    expect(doc.comments.map((c) => c.text)).toEqual([' a real comment', ' trailing comment']);
    for (const comment of doc.comments) expect(slice(text, comment.span)).toBe(`#${comment.text}`);
  });

  it('gives the ranges of keys and values, nested and in flow style', () => {
    const text = [
      'roles:',
      '  owner: "0xAbC"   # who',
      "  'quoted key': plain value",
      '  list:',
      '    - first',
      '    - { inner: 2, other: [a, "b"] }',
      'flow: {x: 1, y: [true, null]}',
      '',
    ].join('\r\n');
    const doc = parseDocument('r.yml', text);
    expect(doc.format).toBe('yaml');
    expect(doc.problems).toEqual([]);
    expect(located(doc, ['roles', 'owner'])).toEqual({ key: 'owner', value: '"0xAbC"' });
    expect(located(doc, ['roles', 'quoted key'])).toEqual({ key: "'quoted key'", value: 'plain value' });
    expect(located(doc, ['roles', 'list', 0])).toEqual({ key: undefined, value: 'first' });
    expect(located(doc, ['roles', 'list', 1, 'inner'])).toEqual({ key: 'inner', value: '2' });
    expect(located(doc, ['roles', 'list', 1, 'other', 1])).toEqual({ key: undefined, value: '"b"' });
    expect(located(doc, ['flow', 'y', 0])).toEqual({ key: undefined, value: 'true' });
    expect(located(doc, ['flow'])?.key).toBe('flow');
    expect(located(doc, ['flow'])?.value).toMatch(/^\{x: 1, y: \[true, null\]\}/);
    expect(doc.scalarStyle(['roles', 'owner'])).toEqual({ quote: '"' });
    expect(doc.scalarStyle(['roles', 'quoted key'])).toEqual({ quote: '' });
    expect(doc.scalarStyle(['roles', 'list', 1, 'other', 1])).toEqual({ quote: '"' });
    expect(doc.locate(['roles', 'missing'])).toBeUndefined();
    const owner = doc.locate(['roles', 'owner'])!;
    expect(doc.lines.positionAt(owner.value.start)).toEqual({ line: 1, character: 9 });
  });

  it('locates a key with no value at the end of the key', () => {
    const text = 'a:\nb: 1\n';
    const doc = parseDocument('n.yaml', text);
    expect(doc.value).toEqual({ a: null, b: 1 });
    expect(located(doc, ['a'])?.key).toBe('a');
    expect(doc.locate(['a'])!.value.start).toBeGreaterThanOrEqual(doc.locate(['a'])!.key!.end);
  });

  it.each([
    ['unclosed flow sequence', 'a: [1, 2\nb: 3\n'],
    ['duplicate key', 'a: 1\na: 2\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['unclosed quote', 'a: "open\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['nested compact mapping', 'b: : :\n'],
  ])('reports %s with spans inside the text', (_, text) => {
    const doc = parseDocument('e.yaml', text);
    expect(doc.problems.length).toBeGreaterThan(0);
    expectSpansInside(text, doc.problems);
  });

  it('reads the first of several documents, and says so at the second', () => {
    const text = 'a: 1 # first\n---\na: 2\n';
    const doc = parseDocument('m.yaml', text);
    expect(doc.value).toEqual({ a: 1 });
    expect(located(doc, ['a'])?.value).toBe('1');
    expect(doc.problems).toEqual([{ message: 'This file holds more than one YAML document (a second `---`); Chokepoint reads only the first.', span: expect.objectContaining({ start: text.indexOf('---') }) }]);
  });

  it('never throws on deep nesting', () => {
    for (const text of ['a: ' + '['.repeat(10_000), 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000)]) {
      const doc = parseDocument('deep.yaml', text);
      expectSpansInside(text, doc.problems);
    }
  });
});

describe('__proto__ keys stay plain data', () => {
  const cases: [string, string][] = [
    ['json', '{"__proto__": {"polluted": "yes"}, "a": {"__proto__": {"polluted": "yes"}}}'],
    ['jsonc', '// c\n{"__proto__": {"polluted": "yes"}, "a": {"__proto__": {"polluted": "yes"}},}'],
    ['yaml', '__proto__:\n  polluted: "yes"\na:\n  __proto__: {polluted: "yes"}\n'],
    ['toml', '__proto__ = { polluted = "yes" }\n[a.__proto__]\npolluted = "yes"\n'],
  ];

  it.each(cases)('%s', (format, text) => {
    const doc = parseDocument(`proto.${format}`, text);
    expect(doc.format).toBe(format);
    expect(doc.problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const value = doc.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value).sort()).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect('polluted' in value).toBe(false);
    const nested = value.a as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect('polluted' in nested).toBe(false);
    expect(slice(text, doc.locate(['a', '__proto__', 'polluted'])!.value)).toBe('"yes"');
  });

  it('toml [__proto__] tables and dotted __proto__ keys do not reach Object.prototype', () => {
    const text = '[__proto__]\nx = 1\n[[list.__proto__]]\ny = 2\n[t]\n__proto__.z = 3\n';
    const doc = parseDocument('proto.toml', text);
    expect(doc.problems).toEqual([]);
    for (const key of ['x', 'y', 'z']) expect(Object.prototype.hasOwnProperty.call(Object.prototype, key), key).toBe(false);
    expect(JSON.parse(JSON.stringify(doc.value))).toEqual({ ['__proto__']: { x: 1 }, list: { ['__proto__']: [{ y: 2 }] }, t: { ['__proto__']: { z: 3 } } });
  });
});

describe('TOML', () => {
  const text = [
    'top = 1',
    'a.b.c = "dotted"',
    'lit = \'literal\'',
    'basic = "basic"',
    'multi = \'\'\'',
    'lines\'\'\'',
    '',
    '[table]',
    'k = 2',
    '"quoted key" = 3',
    '',
    '[[array.of.tables]]',
    'name = "first"',
    '',
    '[[array.of.tables]]',
    'name = "second" # trailing',
    '',
    '[inline]',
    't = { a = 1, b = { c = \'d\' } }',
    'arr = [1, "two", { x = 3 }]',
    '',
  ].join('\n');
  const doc = parseDocument('ranges.toml', text);

  it('reads the value', () => {
    expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual({
      top: 1,
      a: { b: { c: 'dotted' } },
      lit: 'literal',
      basic: 'basic',
      multi: 'lines',
      table: { k: 2, 'quoted key': 3 },
      array: { of: { tables: [{ name: 'first' }, { name: 'second' }] } },
      inline: { t: { a: 1, b: { c: 'd' } }, arr: [1, 'two', { x: 3 }] },
    });
    expect(doc.comments.map((c) => c.text)).toEqual([' trailing']);
  });

  it('gives the ranges of dotted keys, tables, arrays of tables and inline tables', () => {
    expect(located(doc, ['top'])).toEqual({ key: 'top', value: '1' });
    expect(located(doc, ['a', 'b', 'c'])).toEqual({ key: 'a.b.c', value: '"dotted"' });
    expect(located(doc, ['table', 'k'])).toEqual({ key: 'k', value: '2' });
    expect(located(doc, ['table', 'quoted key'])).toEqual({ key: '"quoted key"', value: '3' });
    expect(located(doc, ['table'])?.value).toMatch(/^\[table\]/);
    expect(located(doc, ['array', 'of', 'tables', 0])?.value).toMatch(/^\[\[array\.of\.tables\]\]\nname = "first"/);
    expect(located(doc, ['array', 'of', 'tables', 1, 'name'])).toEqual({ key: 'name', value: '"second"' });
    expect(located(doc, ['inline', 't', 'a'])).toEqual({ key: 'a', value: '1' });
    expect(located(doc, ['inline', 't', 'b', 'c'])).toEqual({ key: 'c', value: "'d'" });
    expect(located(doc, ['inline', 'arr', 1])).toEqual({ key: undefined, value: '"two"' });
    expect(located(doc, ['inline', 'arr', 2, 'x'])).toEqual({ key: 'x', value: '3' });
    expect(doc.locate(['array', 'of', 'tables', 2])).toBeUndefined();
    expect(doc.lines.positionAt(doc.locate(['array', 'of', 'tables', 1, 'name'])!.value.start)).toEqual({ line: 15, character: 7 });
  });

  it('tells literal from basic strings', () => {
    expect(doc.scalarStyle(['lit'])).toEqual({ quote: "'" });
    expect(doc.scalarStyle(['multi'])).toEqual({ quote: "'" });
    expect(doc.scalarStyle(['basic'])).toEqual({ quote: '"' });
    expect(doc.scalarStyle(['a', 'b', 'c'])).toEqual({ quote: '"' });
    expect(doc.scalarStyle(['inline', 't', 'b', 'c'])).toEqual({ quote: "'" });
    expect(doc.scalarStyle(['top'])).toEqual({ quote: '' });
  });

  it.each([
    ['double equals', 'a = 1\nb = = 2\n'],
    ['unclosed string', 'a = "open\n'],
    ['unclosed table header', '[table\nk = 1\n'],
    ['redefined key', 'a = 1\na = 2\n'],
    ['missing value', 'a =\n'],
    ['bare word value', 'a = yes\n'],
    ['truncated inline table', 'a = { b = 1'],
  ])('reports a syntax error (%s) as one problem with a span, never a throw', (_, bad) => {
    const result = parseDocument('bad.toml', bad);
    expect(result.problems).toHaveLength(1);
    expectSpansInside(bad, result.problems);
    expect(result.problems[0].message).toMatch(/TOML/);
  });

  it('never throws on deep nesting', () => {
    for (const depth of [1_000, 5_000, 100_000]) {
      for (const deep of ['a = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n', 'a = ' + '{ b = '.repeat(depth) + '1' + ' }'.repeat(depth) + '\n', 'a = ' + '['.repeat(depth)]) {
        const result = parseDocument('deep.toml', deep);
        expectSpansInside(deep, result.problems);
      }
    }
  });
});

describe('formatOf', () => {
  it('goes by the extension first, whatever the content', () => {
    expect(formatOf('/x/intent.toml', '{"a": 1}')).toBe('toml');
    expect(formatOf('C:\\x\\CONFIG.YAML', '{"a": 1}')).toBe('yaml');
    expect(formatOf('a.yml', 'k = 1')).toBe('yaml');
    expect(formatOf('a.jsonc', '{}')).toBe('jsonc');
    expect(formatOf('a.json5', '{}')).toBe('jsonc');
    expect(formatOf('a.JSON', 'k: v')).toBe('json');
    expect(formatOf('file:///w/deploy-config.json', '')).toBe('json');
  });

  it('falls back to the content when the name says nothing', () => {
    expect(formatOf('untitled', '{"a": 1}')).toBe('json');
    expect(formatOf('untitled', '\uFEFF  \n[1, 2]')).toBe('json');
    expect(formatOf('untitled', '[true]')).toBe('json');
    expect(formatOf('untitled', '[\n  "chains"\n]')).toBe('json');
    expect(formatOf('Dockerfile.txt', 'configType = "standard"\nl1ChainID = 1\n')).toBe('toml');
    expect(formatOf('untitled', '# roles\n[superchainRoles]\nGuardian = "0x09f7"\n')).toBe('toml');
    expect(formatOf('untitled', '[superchainRoles]\nGuardian = "0x09f7"\n')).toBe('toml');
    expect(formatOf('untitled', '[[chains]]\nid = "0x01"\n')).toBe('toml');
    expect(formatOf('untitled', 'appchain:\n  name: x\n')).toBe('yaml');
    expect(formatOf('untitled', '')).toBe('yaml');
  });
});

describe('LineIndex', () => {
  const texts = ['', 'one line', 'a\nb\n', 'a\r\nbb\r\n\r\nccc', '\r\n', '\n\n\n', 'tail\r\nno newline at end', '😀\r\nü', 'classic\rmac\r', 'a\rb\r\nc\nd\r\r\n'];

  it.each(texts.map((t) => [JSON.stringify(t), t]))('round-trips offsets and positions in %s', (_, text) => {
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = lines.positionAt(offset);
      const inCrlf = text[offset] === '\n' && text[offset - 1] === '\r';
      // An offset between \r and \n is not a place in the text: it maps to the end of its line.
      expect(lines.offsetAt(position), `offset ${offset}`).toBe(inCrlf ? offset - 1 : offset);
    }
    for (let line = 0; line < lines.lineCount; line++) {
      const length = lines.lineText(line).length;
      expect(lines.lineText(line)).not.toMatch(/[\r\n]/);
      for (let character = 0; character <= length; character++) {
        expect(lines.positionAt(lines.offsetAt({ line, character }))).toEqual({ line, character });
      }
      expect(lines.offsetAt({ line, character: length + 5 })).toBe(lines.lineEnd(line));
    }
  });

  it('counts lines as the LSP does, a lone \\r included, on long texts of mixed line endings', () => {
    const rand = mulberry32(11);
    for (let round = 0; round < 20; round++) {
      const text = Array.from({ length: 400 }, () => pick(rand, ['x', 'yz', '\n', '\r\n', ...(round % 2 ? ['\r'] : [])])).join('');
      const lines = new LineIndex(text);
      const reference = TextDocument.create('file:///t.json', 'json', 1, text);
      expect(lines.lineCount).toBe(reference.lineCount);
      for (let offset = 0; offset <= text.length; offset++) {
        expect(lines.positionAt(offset), `offset ${offset}`).toEqual(reference.positionAt(offset));
      }
      for (let line = 0; line < lines.lineCount; line++) expect(lines.lineStart(line)).toBe(reference.offsetAt({ line, character: 0 }));
    }
  });

  it('counts CRLF as one line break', () => {
    const lines = new LineIndex('a\r\nbb\r\n\r\nccc');
    expect(lines.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((l) => lines.lineText(l))).toEqual(['a', 'bb', '', 'ccc']);
    expect(lines.positionAt(3)).toEqual({ line: 1, character: 0 });
    expect(lines.positionAt(100)).toEqual({ line: 3, character: 3 });
    expect(lines.positionAt(-4)).toEqual({ line: 0, character: 0 });
    expect(lines.offsetAt({ line: 9, character: 0 })).toBe(12);
    expect(lines.rangeOf({ start: 1, end: 5 })).toEqual({ start: { line: 0, character: 1 }, end: { line: 1, character: 2 } });
  });
});
