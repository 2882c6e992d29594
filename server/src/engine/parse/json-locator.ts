import type { Span } from '../text/positions';
import type { StructureIndex } from './structure-scan';
import { decodeLiteral, sourceSpan, type DecodedLiteral } from './string-literal';
import type { DuplicateKey, Located, Path, ScalarStyle } from './types';

interface ObjectIndex {
  kind: 'object';
  entries: Map<string, { key: Span; value: Span }>;
  /** Keys written more than once, with every occurrence. */
  repeated?: Map<string, { key: Span; value: Span }[]>;
}

/** Elements are indexed only as far as a path has asked: a finding on a genesis's first balance does not scan the other 200,000. */
interface ArrayIndex {
  kind: 'array';
  starts: number[];
  ends: number[];
  /** Where the next element begins, or -1 once the closing bracket is reached. */
  next: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
/** Containers at least this long (in characters) have their end remembered once scanned. */
const LARGE_CONTAINER = 64 * 1024;

function shiftIndex(index: ObjectIndex | ArrayIndex, shift: (x: number) => number): ObjectIndex | ArrayIndex {
  const span = (s: Span) => ({ start: shift(s.start), end: shift(s.end) });
  const entry = (e: { key: Span; value: Span }) => ({ key: span(e.key), value: span(e.value) });
  if (index.kind === 'array') return { kind: 'array', starts: index.starts.map(shift), ends: index.ends.map(shift), next: index.next === -1 ? -1 : shift(index.next) };
  const entries = new Map([...index.entries].map(([name, e]) => [name, entry(e)]));
  if (!index.repeated) return { kind: 'object', entries };
  return { kind: 'object', entries, repeated: new Map([...index.repeated].map(([name, list]) => [name, list.map(entry)])) };
}

/**
 * Finds source spans in text that JSON.parse has already accepted. Nothing is scanned until a
 * position is asked for; then only the containers along the path are indexed, and each index is
 * kept, so locating many findings in a 100 MB genesis costs about one pass over the parts they
 * sit in.
 */
export class JsonLocator {
  private readonly indexes = new Map<number, ObjectIndex | ArrayIndex>();
  private readonly embedded = new Map<number, EmbeddedJson | null>();
  /** Ends of the large containers seen so far, by start offset. */
  private readonly ends = new Map<number, number>();
  private readonly rootStart: number;
  /** Element starts of long arrays from a structure scan, by array start (see structure-scan.ts). */
  private checkpoints?: { every: number; starts: Map<number, number[]> };

  /** `structure` gives a scan of the same text made elsewhere, asked for only once something must be located. */
  constructor(
    private readonly text: string,
    private structure?: () => StructureIndex | undefined,
  ) {
    this.rootStart = this.skipWhitespace(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  }

  /** Takes in the structure scan, if any, once; an index of another text (a different length) is ignored. */
  private useStructure(): void {
    const index = this.structure?.();
    this.structure = undefined;
    if (!index || index.length !== this.text.length) return;
    for (const [start, end] of index.ends) if (!this.ends.has(start)) this.ends.set(start, end);
    this.checkpoints = { every: index.every, starts: index.checkpoints };
  }

  /**
   * The span of the value at `path`. A path that continues past a string holding JSON (a chain
   * config or keyset written as a string) goes on inside that string, and the span is mapped back
   * to the characters of the outer text, escapes included.
   */
  locate(path: Path): Located | undefined {
    if (path.length === 0) return { value: { start: this.rootStart, end: this.valueEnd(this.rootStart) } };
    let start = this.rootStart;
    let current: Located | undefined;
    for (let i = 0; i < path.length; i++) {
      if (this.text.charCodeAt(start) === QUOTE) return this.embeddedAt(start)?.locate(path.slice(i));
      current = this.child(start, path[i]);
      if (!current) return undefined;
      start = current.value.start;
    }
    return current;
  }

  /**
   * The deepest object or array whose brackets enclose [from, to) without touching them: where an
   * edit of that range can be parsed again on its own. Undefined when the edit touches the root's
   * brackets or lies outside them.
   */
  enclosing(from: number, to: number): { span: Span; path: (string | number)[] } | undefined {
    const code = this.text.charCodeAt(this.rootStart);
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) return undefined;
    let span = { start: this.rootStart, end: this.containerEnd(this.rootStart) };
    if (!(span.start < from && to < span.end)) return undefined;
    const path: (string | number)[] = [];
    for (;;) {
      const child = this.childAround(span.start, from, to);
      if (!child) return { span, path };
      path.push(child.step);
      span = child.span;
    }
  }

  /** The child of the container at `start` that is itself a container enclosing [from, to) without touching its brackets. */
  private childAround(start: number, from: number, to: number): { step: string | number; span: Span } | undefined {
    const index = this.indexAt(start);
    const encloses = (span: Span) => span.start < from && to < span.end && (this.text.charCodeAt(span.start) === OPEN_BRACE || this.text.charCodeAt(span.start) === OPEN_BRACKET);
    if (index?.kind === 'object') {
      for (const [name, entry] of index.entries) if (encloses(entry.value)) return { step: name, span: entry.value };
      return undefined;
    }
    if (!index) return undefined;
    while (index.next !== -1 && (index.ends.length === 0 || index.ends[index.ends.length - 1] < from)) this.indexNextElement(index);
    let low = 0;
    let high = index.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (index.ends[mid] <= from) low = mid + 1;
      else if (index.starts[mid] >= from) high = mid - 1;
      else return encloses({ start: index.starts[mid], end: index.ends[mid] }) ? { step: mid, span: { start: index.starts[mid], end: index.ends[mid] } } : undefined;
    }
    return undefined;
  }

  /**
   * A locator for `text`, the old text with the inside of the container at `unit` (old offsets)
   * changed and `delta` characters longer: what was indexed outside that container is kept, with
   * the offsets after it shifted, so an edit does not cost a new scan of the whole file.
   */
  edited(text: string, unit: Span, delta: number): JsonLocator {
    const next = new JsonLocator(text);
    const shift = (x: number) => (x >= unit.end ? x + delta : x);
    const inside = (start: number) => start > unit.start && start < unit.end;
    for (const [start, end] of this.ends) if (!inside(start)) next.ends.set(shift(start), shift(end));
    for (const [start, index] of this.indexes) {
      if (inside(start) || start === unit.start) continue;
      next.indexes.set(shift(start), shiftIndex(index, shift));
    }
    for (const [start, embedded] of this.embedded) if (start < unit.start) next.embedded.set(start, embedded);
    return next;
  }

  duplicatesAlong(path: Path): DuplicateKey[] {
    const found: DuplicateKey[] = [];
    let start = this.rootStart;
    for (const step of path) {
      const index = this.indexAt(start);
      if (index?.kind === 'object') {
        const occurrences = index.repeated?.get(String(step));
        if (occurrences) found.push({ name: String(step), occurrences });
      }
      const current = this.child(start, step);
      if (!current) break;
      start = current.value.start;
    }
    return found;
  }

  /** Strict JSON has one string style; a value inside JSON held in a string also says which strings enclose it. */
  style(path: Path): ScalarStyle {
    let start = this.rootStart;
    for (let i = 0; i < path.length; i++) {
      if (this.text.charCodeAt(start) === QUOTE) {
        const embedded = this.embeddedAt(start);
        return embedded ? embedded.style(path.slice(i)) : { quote: '"' };
      }
      const current = this.child(start, path[i]);
      if (!current) break;
      start = current.value.start;
    }
    return { quote: '"' };
  }

  private embeddedAt(start: number): EmbeddedJson | undefined {
    let found = this.embedded.get(start);
    if (found === undefined) {
      found = EmbeddedJson.at(this.text, { start, end: this.stringEnd(start) }) ?? null;
      this.embedded.set(start, found);
    }
    return found ?? undefined;
  }

  private child(start: number, step: string | number): Located | undefined {
    const index = this.indexAt(start);
    if (!index) return undefined;
    if (index.kind === 'object') return index.entries.get(String(step));
    if (typeof step !== 'number' || step < 0) return undefined;
    const jumped = this.viaCheckpoint(start, index, step);
    if (jumped) return jumped;
    while (index.starts.length <= step && index.next !== -1) this.indexNextElement(index);
    if (step >= index.starts.length) return undefined;
    return { value: { start: index.starts[step], end: index.ends[step] } };
  }

  /**
   * Element `step` of a long array found from the nearest checkpoint before it, when that is past
   * what the array's index already holds; the elements skipped are not indexed.
   */
  private viaCheckpoint(start: number, index: ArrayIndex, step: number): Located | undefined {
    const starts = this.checkpoints?.starts.get(start);
    if (!starts || index.next === -1) return undefined;
    const every = this.checkpoints!.every;
    const k = Math.min(Math.floor(step / every), starts.length);
    if (k === 0 || k * every <= index.starts.length) return undefined;
    const checkpoint = starts[k - 1];
    if (this.text.charCodeAt(checkpoint - 1) !== 44 /* , */) return undefined;
    let pos = this.skipWhitespace(checkpoint);
    for (let i = k * every; ; i++) {
      const end = this.valueEnd(pos);
      if (i === step) return { value: { start: pos, end } };
      const after = this.skipWhitespace(end);
      if (this.text.charCodeAt(after) !== 44) return undefined;
      pos = this.skipWhitespace(after + 1);
    }
  }

  private indexAt(start: number): ObjectIndex | ArrayIndex | undefined {
    const cached = this.indexes.get(start);
    if (cached) return cached;
    if (this.structure) this.useStructure();
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
    let repeated: Map<string, { key: Span; value: Span }[]> | undefined;
    let pos = this.skipWhitespace(start + 1);
    while (pos < text.length && text.charCodeAt(pos) === QUOTE) {
      const keyEnd = this.stringEnd(pos);
      const raw = text.slice(pos, keyEnd);
      const name = raw.indexOf('\\') === -1 ? raw.slice(1, -1) : (JSON.parse(raw) as string);
      const valueStart = this.skipWhitespace(this.skipWhitespace(keyEnd) + 1);
      const valueEnd = this.valueEnd(valueStart);
      // JSON.parse keeps the last of duplicate keys; so does this index, and it remembers the others.
      const entry = { key: { start: pos, end: keyEnd }, value: { start: valueStart, end: valueEnd } };
      const earlier = entries.get(name);
      if (earlier) {
        repeated ??= new Map();
        repeated.set(name, [...(repeated.get(name) ?? [earlier]), entry]);
      }
      entries.set(name, entry);
      pos = this.skipWhitespace(valueEnd);
      if (text.charCodeAt(pos) === 44 /* , */) pos = this.skipWhitespace(pos + 1);
      else break;
    }
    return repeated ? { kind: 'object', entries, repeated } : { kind: 'object', entries };
  }

  private indexArray(start: number): ArrayIndex {
    const first = this.skipWhitespace(start + 1);
    return { kind: 'array', starts: [], ends: [], next: this.text.charCodeAt(first) === 93 /* ] */ ? -1 : first };
  }

  private indexNextElement(index: ArrayIndex): void {
    const text = this.text;
    const pos = index.next;
    if (pos >= text.length) {
      index.next = -1;
      return;
    }
    const end = this.valueEnd(pos);
    index.starts.push(pos);
    index.ends.push(end);
    const after = this.skipWhitespace(end);
    index.next = text.charCodeAt(after) === 44 /* , */ ? this.skipWhitespace(after + 1) : -1;
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

  /**
   * The end of the container opening at `start`. Each scan also remembers the ends of the large
   * containers nested in it, so indexing the next level down a 100 MB genesis does not scan the
   * same bytes again.
   */
  private containerEnd(start: number): number {
    const known = this.ends.get(start);
    // An end from a structure scan is trusted only where the text closes what `start` opens.
    if (known !== undefined && this.text.charCodeAt(known - 1) === this.text.charCodeAt(start) + 2) return known;
    const text = this.text;
    const length = text.length;
    const open: number[] = [];
    for (let i = start; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = this.stringEnd(i) - 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        open.push(i);
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        const opened = open.pop()!;
        if (i - opened >= LARGE_CONTAINER) this.ends.set(opened, i + 1);
        if (open.length === 0) return i + 1;
      }
    }
    return length;
  }
}

/** JSON written inside a string literal of another file, located through the literal's escapes. */
export class EmbeddedJson {
  private constructor(
    private readonly decoded: DecodedLiteral,
    private readonly inner: JsonLocator,
    private readonly quote: '"' | "'",
  ) {}

  /** The JSON object or array held by the string literal at `span`, if it holds one. */
  static at(text: string, span: Span): EmbeddedJson | undefined {
    const decoded = decodeLiteral(text, span);
    if (!decoded) return undefined;
    const first = decoded.value.trimStart()[0];
    if (first !== '{' && first !== '[') return undefined;
    try {
      JSON.parse(decoded.value);
    } catch {
      return undefined;
    }
    return new EmbeddedJson(decoded, new JsonLocator(decoded.value), text[span.start] as '"' | "'");
  }

  /**
   * A string value is located without its quotes, which inside the literal are escapes (`\"`):
   * a finding underlines the address itself, and a fix rewrites only what is between them.
   */
  locate(path: Path): Located | undefined {
    const located = this.inner.locate(path);
    if (!located) return undefined;
    const span = this.isString(located.value) ? { start: located.value.start + 1, end: located.value.end - 1 } : located.value;
    const value = sourceSpan(this.decoded, span);
    return located.key ? { key: sourceSpan(this.decoded, located.key), value } : { value };
  }

  style(path: Path): ScalarStyle {
    const inner = this.inner.style(path);
    const located = this.inner.locate(path);
    const bare = inner.enclosing ? inner.bare : located !== undefined && this.isString(located.value);
    return { quote: '"', enclosing: [this.quote, ...(inner.enclosing ?? [])], ...(bare ? { bare } : {}) };
  }

  private isString(span: Span): boolean {
    const text = this.decoded.value;
    return span.end - span.start >= 2 && text[span.start] === '"' && text[span.end - 1] === '"';
  }
}
