import type { LineIndex, Span } from '../text/positions';

export type Format = 'json' | 'jsonc' | 'yaml' | 'toml';

/** A path into a parsed document: object keys and array indices. */
export type Path = readonly (string | number)[];

export interface Located {
  /** The key of the entry, when the value sits in an object. */
  key?: Span;
  value: Span;
}

export interface ParseProblem {
  message: string;
  span: Span;
}

export interface Comment {
  /** The comment's text without its marker (`#`, `//`, `/*`). */
  text: string;
  span: Span;
}

export interface ScalarStyle {
  /** How a string value is quoted in the source, so that a fix can write it back the same way. */
  quote: '"' | "'" | '';
  /**
   * Set when the value sits in JSON written inside a string (a chain config held as a string): the
   * quotes of the enclosing strings, outermost first, so that a fix escapes what it writes.
   */
  enclosing?: ('"' | "'")[];
  /** Inside JSON held in a string: the value is a string located without its quotes, so a fix writes only its characters. */
  bare?: boolean;
}

/**
 * A parsed configuration file. Parsing never throws: problems are listed with their spans, and
 * `value` holds whatever could be read. Source spans are found on demand through `locate`, so a
 * large JSON file costs little more than JSON.parse until a finding needs a position.
 */
/** A key written more than once in one object: every occurrence, in source order. Parsers keep the last. */
export interface DuplicateKey {
  name: string;
  occurrences: { key: Span; value: Span }[];
}

export interface ParsedDocument {
  uri: string;
  text: string;
  format: Format;
  value: unknown;
  problems: ParseProblem[];
  comments: Comment[];
  lines: LineIndex;
  locate(path: Path): Located | undefined;
  scalarStyle(path: Path): ScalarStyle;
  /** Keys written twice in the objects along `path`, where the repeated key is the step `path` takes. */
  duplicatesAlong(path: Path): DuplicateKey[];
}

export function pathKey(path: Path): string {
  return JSON.stringify(path);
}
