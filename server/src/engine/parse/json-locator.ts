import type { Span } from '../text/positions';
import type { Located, Path } from './types';

interface ObjectIndex {
  kind: 'object';
  entries: Map<string, { key: Span; value: Span }>;
}

interface ArrayIndex {
  kind: 'array';
  starts: number[];
  ends: number[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

/**
 * Finds source spans in text that JSON.parse has already accepted. Nothing is scanned until a
 * position is asked for; then only the containers along the path are indexed, and each index is
 * kept, so locating many findings in a 100 MB genesis costs about one pass over the parts they
 * sit in.
 */
export class JsonLocator {
  private readonly indexes = new Map<number, ObjectIndex | ArrayIndex>();
  private readonly rootStart: number;

  constructor(private readonly text: string) {
    this.rootStart = this.skipWhitespace(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  }

  locate(path: Path): Located | undefined {
    if (path.length === 0) return { value: { start: this.rootStart, end: this.valueEnd(this.rootStart) } };
    let start = this.rootStart;
    let current: Located | undefined;
    for (const step of path) {
      current = this.child(start, step);
      if (!current) return undefined;
      start = current.value.start;
    }
    return current;
  }

  private child(start: number, step: string | number): Located | undefined {
    const index = this.indexAt(start);
    if (!index) return undefined;
    if (index.kind === 'object') return index.entries.get(String(step));
    if (typeof step !== 'number' || step < 0 || step >= index.starts.length) return undefined;
    return { value: { start: index.starts[step], end: index.ends[step] } };
  }

  private indexAt(start: number): ObjectIndex | ArrayIndex | undefined {
    const cached = this.indexes.get(start);
    if (cached) return cached;
    const code = this.text.charCodeAt(start);
    let index: ObjectIndex | ArrayIndex | undefined;
    if (code === OPEN_BRACE) index = this.indexObject(start);
    else if (code === OPEN_BRACKET) index = this.indexArray(start);
    if (index) this.indexes.set(start, index);
    return index;
  }

  private indexObject(start: number): ObjectIndex {
    const text = this.text;
    const entries = new Map<string, { key: Span; value: Span }>();
    let pos = this.skipWhitespace(start + 1);
    while (pos < text.length && text.charCodeAt(pos) === QUOTE) {
      const keyEnd = this.stringEnd(pos);
      const raw = text.slice(pos, keyEnd);
      const name = raw.indexOf('\\') === -1 ? raw.slice(1, -1) : (JSON.parse(raw) as string);
      const valueStart = this.skipWhitespace(this.skipWhitespace(keyEnd) + 1);
      const valueEnd = this.valueEnd(valueStart);
      // JSON.parse keeps the last of duplicate keys; so does this index.
      entries.set(name, { key: { start: pos, end: keyEnd }, value: { start: valueStart, end: valueEnd } });
      pos = this.skipWhitespace(valueEnd);
      if (text.charCodeAt(pos) === 44 /* , */) pos = this.skipWhitespace(pos + 1);
      else break;
    }
    return { kind: 'object', entries };
  }

  private indexArray(start: number): ArrayIndex {
    const text = this.text;
    const starts: number[] = [];
    const ends: number[] = [];
    let pos = this.skipWhitespace(start + 1);
    if (text.charCodeAt(pos) === 93 /* ] */) return { kind: 'array', starts, ends };
    while (pos < text.length) {
      const end = this.valueEnd(pos);
      starts.push(pos);
      ends.push(end);
      pos = this.skipWhitespace(end);
      if (text.charCodeAt(pos) === 44 /* , */) pos = this.skipWhitespace(pos + 1);
      else break;
    }
    return { kind: 'array', starts, ends };
  }

  private skipWhitespace(pos: number): number {
    const text = this.text;
    let code = text.charCodeAt(pos);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++pos);
    return pos;
  }

  private stringEnd(start: number): number {
    const text = this.text;
    let from = start + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) return text.length;
      let backslashes = 0;
      for (let i = quote - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  private valueEnd(start: number): number {
    const text = this.text;
    const code = text.charCodeAt(start);
    if (code === QUOTE) return this.stringEnd(start);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) return this.containerEnd(start);
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c) || c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) return pos;
      pos++;
    }
  }

  private containerEnd(start: number): number {
    const text = this.text;
    const length = text.length;
    let depth = 0;
    for (let i = start; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = this.stringEnd(i) - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        if (--depth === 0) return i + 1;
      }
    }
    return length;
  }
}
