import { describe, expect, it } from 'vitest';
import { changedRange, parseDocument, reparseEdited, type ParsedDocument, type Path } from '../server/src/engine/parse/index';
import { generatedDocuments, pick } from './helpers/generated-json';
import { mulberry32 } from './helpers/random';

/**
 * The language server parses a new version of a large JSON document by parsing again only the
 * container an edit fell in (reparseEdited). Whatever the edits, the result must be what parsing
 * the new text afresh gives: the same value, the same spans, the same duplicate keys, the same
 * parse problems.
 */

const REPLACEMENTS = ['0', '42', '-1.5e3', '"x"', '"say \\"hi\\""', '"ünï"', 'true', 'null', '[]', '{}', '[1, {"a": 2}]', '{"k": [3], "k": 4}', '"\\\\"'];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function expectSameAsFresh(doc: ParsedDocument, label: string): void {
  const fresh = parseDocument(doc.uri, doc.text);
  expect(doc.problems, label).toEqual(fresh.problems);
  expect(doc.value, label).toEqual(fresh.value);
  for (const path of paths(fresh.value)) {
    expect(doc.locate(path), `${label} ${JSON.stringify(path)}`).toEqual(fresh.locate(path));
    expect(doc.duplicatesAlong(path), `${label} duplicates ${JSON.stringify(path)}`).toEqual(fresh.duplicatesAlong(path));
  }
  expect(doc.lines.lineCount).toBe(fresh.lines.lineCount);
}

describe('reparseEdited', () => {
  it.each(generatedDocuments(false, 80))('document #$seed: a run of edits gives what a fresh parse gives', ({ text, expected, seed }) => {
    const rand = mulberry32(seed + 1000);
    let doc = parseDocument('gen.json', text);
    let spans = expected;
    for (let step = 0; step < 6; step++) {
      // Locate some paths first, so the locator has indexes and ends to carry over.
      for (const path of paths(doc.value).filter(() => rand() < 0.5)) doc.locate(path);
      const target = pick(rand, spans);
      const roll = rand();
      const replacement = roll < 0.1 ? '{' : roll < 0.2 ? ' \n ' : pick(rand, REPLACEMENTS);
      const start = roll >= 0.1 && roll < 0.2 ? target.value.end : target.value.start;
      const end = roll >= 0.1 && roll < 0.2 ? target.value.end : target.value.end;
      const next = doc.text.slice(0, start) + replacement + doc.text.slice(end);
      doc = reparseEdited(doc, next);
      expectSameAsFresh(doc, `#${seed} step ${step}`);
      if (doc.problems.length > 0) break;
      // Spans of the new text, for the next edit.
      spans = paths(doc.value).flatMap((path) => {
        const located = doc.locate(path);
        return located ? [{ path, value: located.value }] : [];
      });
    }
  });

  it('shares the parts of the value that the edit did not touch', () => {
    const text = JSON.stringify({ a: { big: Array.from({ length: 50 }, (_, i) => ({ i })) }, b: { c: [1, 2, 3] } }, null, 2);
    const doc = parseDocument('genesis.json', text);
    doc.locate(['a', 'big', 40, 'i']);
    const at = text.lastIndexOf('3');
    const edited = reparseEdited(doc, `${text.slice(0, at)}30${text.slice(at + 1)}`);
    expect((edited.value as { b: { c: number[] } }).b.c).toEqual([1, 2, 30]);
    expect((edited.value as { a: unknown }).a).toBe((doc.value as { a: unknown }).a);
    expectSameAsFresh(edited, 'one edit');
  });

  it('keeps a "__proto__" key as plain data along the copied path', () => {
    const text = '{"__proto__": {"polluted": [1, 2]}, "x": 1}';
    const doc = parseDocument('genesis.json', text);
    const edited = reparseEdited(doc, text.replace('[1, 2]', '[1, 3]'));
    expect(Object.getPrototypeOf(edited.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectSameAsFresh(edited, '__proto__');
  });

  it('falls back to a full parse when the edit breaks the JSON or touches the outer brackets', () => {
    const text = '{"a": [1, 2], "b": 2}';
    const doc = parseDocument('genesis.json', text);
    expectSameAsFresh(reparseEdited(doc, '{"a": [1, 2, "b": 2}'), 'broken');
    expectSameAsFresh(reparseEdited(doc, '[{"a": [1, 2], "b": 2}]'), 'wrapped');
    expectSameAsFresh(reparseEdited(doc, 'x'), 'replaced');
  });

  it('finds the changed range of two texts', () => {
    expect(changedRange('abc', 'abc')).toBeUndefined();
    expect(changedRange('abcdef', 'abXdef')).toEqual({ start: 2, oldEnd: 3, newEnd: 3 });
    expect(changedRange('aaaa', 'aaaaa')).toEqual({ start: 4, oldEnd: 4, newEnd: 5 });
    const long = 'x'.repeat(10_000);
    expect(changedRange(`${long}a${long}`, `${long}${long}`)).toEqual({ start: 10_000, oldEnd: 10_001, newEnd: 10_000 });
  });
});
