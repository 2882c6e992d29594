import { HIDDEN } from '../../engine/text/display';

/**
 * `JSON.stringify(value, null, 2)` in pieces, byte for byte the same: a report of 10,000 files is
 * written out as it is produced, never held as one string (a string past V8's limit of about 512 MB
 * threw "Invalid string length"). Results are built lazily by the caller's iterables too.
 */
export function* prettyJson(value: unknown, indent = ''): Generator<string> {
  // Below the top few levels (a finding, a SARIF result) the native stringify is faster; only lazy lists and their parents are walked here.
  if (indent.length >= NATIVE_FROM && !isLazy(value)) {
    yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
    return;
  }
  if (isIterableList(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const item of value) {
      yield `${first ? '[\n' : ',\n'}${inner}`;
      yield* prettyJson(item === undefined || typeof item === 'function' ? null : item, inner);
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function') continue;
      yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
      yield* prettyJson(item, inner);
      first = false;
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

const NATIVE_FROM = 8;

function isLazy(value: unknown): boolean {
  return isIterableList(value) && !Array.isArray(value);
}

/** An array, or a lazily produced list (a generator) that prints as one. */
function isIterableList(value: unknown): value is Iterable<unknown> {
  return Array.isArray(value) || (value !== null && typeof value === 'object' && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && !(value instanceof Map) && !(value instanceof Set));
}

/** Joins small pieces into writes of about `size` characters. */
export function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (buffer.length > 0) yield buffer.join('');
}

/**
 * Hidden characters (DEL, C1 controls, bidi controls: `visible` escapes them in text) and the line
 * separators, which JSON.stringify writes raw. They occur only inside strings, where a `\uXXXX`
 * escape decodes to the same value: a path or an address key stays exact, and the output shows
 * nothing that repaints a terminal or reorders a line.
 */
const RAW_IN_JSON = new RegExp(`${HIDDEN.source}|[\\u2028\\u2029]`, 'g');

function escapedHidden(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value as pretty JSON with a final line break, in writes of about a megabyte: what
 * JSON.stringify(value, null, 2) gives, but with hidden characters written as escapes.
 */
export function* streamedJson(value: unknown): Generator<string> {
  for (const piece of batched(prettyJson(value))) yield escapedHidden(piece);
  yield '\n';
}
