import type { ParsedDocument, Path } from './parse';

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
