import { withValueAt } from '../model/read';
import { LineIndex } from '../text/positions';
import { JsonLocator } from './json-locator';
import type { StructureIndex } from './structure-scan';
import { parseJsonc } from './jsonc';
import { duplicatesInTree, locateInTree, styleInTree, type SourceNode } from './source-tree';
import { parseToml } from './toml';
import type { Comment, Format, ParsedDocument, ParseProblem, Path } from './types';
import { parseYaml } from './yaml';

export type { DuplicateKey, Format, ParsedDocument, Path } from './types';
export { pathKey } from './types';

/** A first line such as `[superchainRoles]` or `[[chains]]`: a TOML table, not a JSON array. */
const TOML_TABLE_HEADER = /^\[\[?(?!(?:true|false|null)\])[A-Za-z_][\w.-]*\]\]?[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/;

/** Picks a format from the file name, then from the content when the name says nothing. */
export function formatOf(uri: string, text: string): Format {
  const name = uri.toLowerCase();
  if (name.endsWith('.toml')) return 'toml';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (name.endsWith('.jsonc') || name.endsWith('.json5')) return 'jsonc';
  if (name.endsWith('.json')) return 'json';
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (TOML_TABLE_HEADER.test(body)) return 'toml';
  if (body[0] === '{' || body[0] === '[') return 'json';
  return hasTomlLine(text) ? 'toml' : 'yaml';
}

/**
 * A `[table]` line or a `key = value` line. Line by line: the same tests as multiline regular
 * expressions over the whole text backtrack quadratically on a long run of line breaks.
 */
function hasTomlLine(text: string): boolean {
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    if (/^\s*\[[\w.-]+\]\s*$/.test(line) || /^\s*[\w.-]+\s*=/.test(line)) return true;
  }
  return false;
}

/** Parses a configuration file. Never throws: malformed input yields problems with spans. */
export function parseDocument(uri: string, text: string, format: Format = formatOf(uri, text), options: ParseOptions = {}): ParsedDocument {
  if (format === 'json') {
    const fast = parseStrictJson(text);
    if (fast) return strictJsonDocument(uri, text, fast.value, new JsonLocator(text, options.structure), new LineIndex(text, options.structure));
  }
  const lines = new LineIndex(text);
  const result = format === 'yaml' ? parseYaml(text) : format === 'toml' ? parseToml(text) : parseJsonc(text);
  if (format === 'json' && result.comments.length > 0) format = 'jsonc';
  return treeDocument(uri, text, format, lines, result);
}

/** The locator behind each strict-JSON document, for reparseEdited. */
const locators = new WeakMap<ParsedDocument, JsonLocator>();

function strictJsonDocument(uri: string, text: string, value: unknown, locator: JsonLocator, lines: LineIndex): ParsedDocument {
  const doc: ParsedDocument = {
    uri, text, format: 'json', lines, value, problems: [], comments: [],
    locate: (path: Path) => locator.locate(path),
    scalarStyle: (path: Path) => locator.style(path),
    duplicatesAlong: (path: Path) => locator.duplicatesAlong(path),
  };
  locators.set(doc, locator);
  return doc;
}

/**
 * \`parseDocument(previous.uri, text)\` for a new version of a document, reusing what it can: when
 * strict JSON was edited inside one object or array, only that container is parsed again and
 * spliced into a copy of the path down to it (the rest of the value is shared), and the locator
 * keeps what it had indexed outside it. The result is the same as parsing the text afresh.
 */
export function reparseEdited(previous: ParsedDocument, text: string): ParsedDocument {
  const locator = locators.get(previous);
  if (!locator || formatOf(previous.uri, text) !== 'json') return parseDocument(previous.uri, text);
  const change = changedRange(previous.text, text);
  if (!change) return previous;
  const unit = locator.enclosing(change.start, change.oldEnd);
  if (!unit) return parseDocument(previous.uri, text);
  const delta = text.length - previous.text.length;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(unit.span.start, unit.span.end + delta));
  } catch {
    return parseDocument(previous.uri, text);
  }
  return strictJsonDocument(previous.uri, text, withValueAt(previous.value, unit.path, value), locator.edited(text, unit.span, delta), new LineIndex(text));
}

/** Where two texts differ: [start, oldEnd) of the old became [start, newEnd) of the new. Undefined if equal. */
export function changedRange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  // Whole blocks first (substring comparison is a native compare), then character by character.
  const BLOCK = 4096;
  let start = 0;
  while (start + BLOCK <= limit && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const tailLimit = limit - start;
  while (tail + BLOCK <= tailLimit && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < tailLimit && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

export interface ParseOptions {
  /** A structure scan of the same text made on another thread, for strict JSON (see prescan.ts). */
  structure?: () => StructureIndex | undefined;
}

function parseStrictJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return undefined;
  }
}

function treeDocument(
  uri: string,
  text: string,
  format: Format,
  lines: LineIndex,
  result: { value: unknown; tree: SourceNode | undefined; problems: ParseProblem[]; comments: Comment[] },
): ParsedDocument {
  return {
    uri, text, format, lines,
    value: result.value,
    problems: capped(result.problems),
    comments: result.comments,
    locate: (path: Path) => locateInTree(result.tree, path, text),
    scalarStyle: (path: Path) => styleInTree(result.tree, path, text),
    duplicatesAlong: (path: Path) => duplicatesInTree(result.tree, path),
  };
}

/** More syntax errors than this in one file are summed up in one last problem: recovery from garbage can find one per character. */
export const MAX_PARSE_PROBLEMS = 100;

function capped(problems: ParseProblem[]): ParseProblem[] {
  if (problems.length <= MAX_PARSE_PROBLEMS) return problems;
  const rest = problems.length - MAX_PARSE_PROBLEMS;
  return [...problems.slice(0, MAX_PARSE_PROBLEMS), { message: `${rest.toLocaleString('en-US')} more syntax errors follow; fix the ones above first.`, span: problems[MAX_PARSE_PROBLEMS].span }];
}
