import type { Path } from '../../server/src/engine/parse/index';
import type { Span } from '../../server/src/engine/text/positions';
import { mulberry32 } from './random';

// ---------------------------------------------------------------------------------------------
// Generated JSON documents with the spans the generator itself wrote down.

type Gen =
  | { kind: 'object'; entries: [string, Gen][] }
  | { kind: 'array'; items: Gen[] }
  | { kind: 'scalar'; value: unknown; text?: string };

export interface Expected {
  path: Path;
  key?: Span;
  value: Span;
}

const KEYS = ['a', 'key', 'with space', 'quote"inside', 'back\\slash', 'ends with backslash\\', '\\"', 'ünïcödé', '日本語', '😀 emoji', 'tab\tnew\nline', '', '__proto__', 'constructor', 'toString', '{[,:]}', '// not a comment', '/* nor this */'];
const INTEGER_KEYS = ['0', '1', '42'];
const STRINGS = ['', 'plain', 'say "hi"', 'C:\\path\\', '\\', '\\\\"', 'ünïcödé', '𝄞 clef', '\u0000\u001f control', 'line\r\nbreak', '{"not": "an object"}', '[1, 2]', 'a, b: c', '// x', '/* y */', '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8'];
const NUMBERS = [0, 7, -1, 3.5, -0.25, 1e21, 1.5e-7, 6.02e23, 604800, 2 ** 53 + 2, -9.87e-300];
const NOISY_NUMBERS = ['1E5', '1e+5', '-2.5E-10', '0.0', '-0', '12345678901234567890123', '1.000', '5e0'];
const WHITESPACE = ['', ' ', '\n', '\r\n', '\t', '  \r\n\t  ', '\n\n'];

export const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function generate(rand: () => number, depth: number, canonical: boolean): Gen {
  const roll = rand();
  if (depth < 4 && roll < 0.25) {
    const pool = canonical ? KEYS : [...KEYS, ...INTEGER_KEYS];
    const count = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 5);
    const keys = new Set<string>();
    while (keys.size < count) keys.add(pick(rand, pool));
    return { kind: 'object', entries: [...keys].map((key) => [key, generate(rand, depth + 1, canonical)]) };
  }
  if (depth < 4 && roll < 0.45) {
    const count = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 4);
    return { kind: 'array', items: Array.from({ length: count }, () => generate(rand, depth + 1, canonical)) };
  }
  const kind = rand();
  if (kind < 0.45) return { kind: 'scalar', value: pick(rand, STRINGS) };
  if (kind < 0.8) {
    if (!canonical && rand() < 0.4) {
      const text = pick(rand, NOISY_NUMBERS);
      return { kind: 'scalar', value: Number(text), text };
    }
    return { kind: 'scalar', value: pick(rand, NUMBERS) };
  }
  return { kind: 'scalar', value: pick(rand, [true, false, null]) };
}

function unicodeEscape(rand: () => number, unit: string): string {
  const hex = unit.charCodeAt(0).toString(16).padStart(4, '0');
  return `\\u${rand() < 0.5 ? hex : hex.toUpperCase()}`;
}

/** A JSON string literal for `value`, escaping some characters as \uXXXX or \/ at random. */
function noisyString(rand: () => number, value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += rand() < 0.5 ? '\\n' : '\\u000a';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (char === '/' && rand() < 0.5) out += '\\/';
    else if (code > 0x7e && rand() < 0.5) out += char.split('').map((unit) => unicodeEscape(rand, unit)).join('');
    else out += char;
  }
  return `${out}"`;
}

function render(gen: Gen, rand: () => number, canonical: boolean, options: { bom: boolean; crlf: boolean }): { text: string; expected: Expected[] } {
  let text = options.bom ? '\uFEFF' : '';
  const expected: Expected[] = [];
  const space = (): void => {
    if (canonical) return;
    const ws = pick(rand, WHITESPACE);
    text += options.crlf ? ws.replace(/\r?\n/g, '\r\n') : ws.replace(/\r\n/g, '\n');
  };
  const str = (value: string): string => (canonical ? JSON.stringify(value) : noisyString(rand, value));
  const emit = (node: Gen, path: Path, key?: Span): void => {
    const start = text.length;
    if (node.kind === 'scalar') {
      text += node.text ?? (typeof node.value === 'string' ? str(node.value) : JSON.stringify(node.value));
    } else if (node.kind === 'array') {
      text += '[';
      node.items.forEach((item, i) => {
        space();
        if (i > 0) { text += ','; space(); }
        emit(item, [...path, i]);
      });
      space();
      text += ']';
    } else {
      text += '{';
      node.entries.forEach(([name, child], i) => {
        space();
        if (i > 0) { text += ','; space(); }
        const keyStart = text.length;
        text += str(name);
        const keySpan = { start: keyStart, end: text.length };
        space();
        text += ':';
        space();
        emit(child, [...path, name], keySpan);
      });
      space();
      text += '}';
    }
    expected.push({ path, key, value: { start, end: text.length } });
  };
  space();
  emit(gen, []);
  space();
  return { text, expected };
}

export function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const step of path) current = (current as Record<string | number, unknown>)[step];
  return current;
}

export const slice = (text: string, span: Span) => text.slice(span.start, span.end);

export function generatedDocuments(canonical: boolean, count: number) {
  return Array.from({ length: count }, (_, seed) => {
    const rand = mulberry32(seed * 7919 + (canonical ? 1 : 2));
    const root: Gen = rand() < 0.8 ? { kind: 'object', entries: [['root', generate(rand, 0, canonical)], ['second', generate(rand, 0, canonical)]] } : generate(rand, 0, canonical);
    return { seed, ...render(root, rand, canonical, { bom: seed % 5 === 0, crlf: seed % 3 === 0 }) };
  });
}
