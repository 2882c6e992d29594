import type { ParsedDocument, Path } from './parse';
import type { Span } from './text/positions';

/** Writes a scalar the way the file at `path` already writes it: same format, same quoting. */
export function renderValue(doc: ParsedDocument, path: Path, value: string | number | boolean): string {
  const { quote, enclosing, bare } = doc.scalarStyle(path);
  // Inside JSON held in a string: write JSON, then escape it for each enclosing string, innermost first.
  // A string located without its quotes gets only its characters (a non-string written there stays a string).
  if (enclosing && enclosing.length > 0) {
    const json = bare ? JSON.stringify(String(value)).slice(1, -1) : JSON.stringify(value);
    return enclosing.reduceRight((text, outer) => (outer === '"' ? JSON.stringify(text).slice(1, -1) : text.replace(/'/g, "''")), json);
  }
  if (typeof value !== 'string') return String(value);
  if (doc.format === 'json' || doc.format === 'jsonc') return JSON.stringify(value);
  if (quote === "'" && (doc.format === 'toml' ? !value.includes("'") && !value.includes('\n') : true)) {
    return `'${doc.format === 'yaml' ? value.replace(/'/g, "''") : value}'`;
  }
  if (doc.format === 'yaml' && quote === '' && isSafePlainYaml(value)) return value;
  return JSON.stringify(value);
}

function isSafePlainYaml(value: string): boolean {
  return /^(?!<<)[A-Za-z0-9_<][A-Za-z0-9_./@+<>-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[\d._]+([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/i.test(value);
}

/**
 * The span a fix may overwrite at `path`: one scalar on one line, written in place. An empty value, a block scalar
 * (`>-` or `|`, whose span runs over lines and ends with a line break), an alias (`*upgrader`, whose
 * value lives at its anchor) or an anchored value (`&upgrader 2d`, which other places share) cannot
 * be rewritten there without changing or breaking something else, so no span is given and the fix
 * is not offered.
 */
export function exactTarget(doc: ParsedDocument, path: Path): Span | undefined {
  const span = doc.locate(path)?.value;
  // An empty span is no value to overwrite: `delay:` with nothing after it (writing there would give
  // `delay:1d`, one plain scalar), or a node the parser gave no position.
  if (!span || span.end <= span.start) return undefined;
  const text = doc.text.slice(span.start, span.end);
  if (/[\r\n]/.test(text) || /^[*&|>!{[]/.test(text)) return undefined;
  // An anchor or a tag written before the value (`delay: &fast 1d`) is not part of its span.
  const before = doc.text.slice(Math.max(0, span.start - 256), span.start);
  if (doc.format === 'yaml' && /[&!][^\s,[\]{}]*\s+$/.test(before.slice(before.lastIndexOf('\n') + 1))) return undefined;
  return span;
}
