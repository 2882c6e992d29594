/** Streamed JSON output is byte for byte what JSON.stringify(value, null, 2) gives (issue 17: no output held as one string). */
import { describe, expect, it } from 'vitest';
import { prettyJson, streamedJson } from '../server/src/cli/formatters/json-stream';

const cases: unknown[] = [
  {},
  [],
  null,
  'a "quoted" \u2028 string',
  42,
  { a: 1, b: [1, 2, { c: null, d: [] }], e: {}, skipped: undefined, f: [undefined, 'x'] },
  { deep: { deeper: { deepest: { leaf: [{ x: 1 }, { y: [1, 2] }] } } } },
  [[[[[[1]]]]]],
];

describe('prettyJson', () => {
  it.each(cases.map((c) => [JSON.stringify(c) ?? 'undefined', c]))('%s prints as JSON.stringify does', (_, value) => {
    expect([...prettyJson(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes hidden characters and line separators (which JSON.stringify leaves raw) as escapes of the same value', () => {
    const value = { path: 'a\u202Eb\u0085c\u007f\u2028d\u2066', list: ['\u009b31m'] };
    const text = [...streamedJson(value)].join('');
    expect(text).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2028\u2029\u2066-\u2069]/);
    expect(text).toContain('"a\\u202eb\\u0085c\\u007f\\u2028d\\u2066"');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('prints a lazy list, at any depth, as the array it yields', () => {
    const items = [{ a: 1 }, { b: [2, 3] }];
    const lazy = (function* () {
      yield* items;
    })();
    const none = (function* () {})();
    const value = { runs: [{ results: lazy, empty: none, tool: { name: 'x' } }] };
    expect([...streamedJson(value)].join('')).toBe(`${JSON.stringify({ runs: [{ results: items, empty: [], tool: { name: 'x' } }] }, null, 2)}\n`);
  });
});
