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
  if (/^\s*\[[\w.-]+\]\s*$/m.test(text) || /^\s*[\w.-]+\s*=\s*/m.test(text)) return 'toml';
  return 'yaml';
}

/** Parses a configuration file. Never throws: malformed input yields problems with spans. */
export function parseDocument(uri: string, text: string, format: Format = formatOf(uri, text), options: ParseOptions = {}): ParsedDocument {
  if (format === 'json') {
    const fast = parseStrictJson(text);
    if (fast) {
      const locator = new JsonLocator(text, options.structure);
      const lines = new LineIndex(text, options.structure);
      return {
        uri, text, format, lines, value: fast.value, problems: [], comments: [],
        locate: (path: Path) => locator.locate(path),
        scalarStyle: (path: Path) => locator.style(path),
        duplicatesAlong: (path: Path) => locator.duplicatesAlong(path),
      };
    }
  }
  const lines = new LineIndex(text);
  const result = format === 'yaml' ? parseYaml(text) : format === 'toml' ? parseToml(text) : parseJsonc(text);
  if (format === 'json' && result.comments.length > 0) format = 'jsonc';
  return treeDocument(uri, text, format, lines, result);
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
