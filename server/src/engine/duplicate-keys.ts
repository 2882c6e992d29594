import type { Adapter } from './adapters';
import type { AuthorityModel, Origin } from './model/schema';
import { pathKey, type DuplicateKey, type ParsedDocument } from './parse';
import { fitRow } from './rules/one-row';
import type { Span } from './text/positions';

/** What JSON parsers do with a repeated key, for adapters that do not say what their tooling does. */
const DEFAULT_READING = "JSON parsers (JavaScript's JSON.parse, Go's encoding/json) keep the last value";

/** Enough origins to cover any real config's roles and settings; a genesis's per-account entries are not among them. */
const MAX_ORIGINS = 20_000;

export interface DuplicateKeyFinding {
  /** One Problems row; `detail` says what it leaves out. */
  message: string;
  detail: string;
  span: Span;
  related: { span: Span; message: string }[];
}

/**
 * Keys written more than once on the way to an element of the model. A second `proxyAdminOwner`
 * can show a reviewer one owner while the chain's parser takes the other, so each is reported on
 * the occurrence a reader sees first, pointing at the one the chain uses.
 */
export function duplicateKeyFindings(doc: ParsedDocument, model: AuthorityModel, adapter: Adapter): DuplicateKeyFinding[] {
  const seen = new Set<string>();
  const findings: DuplicateKeyFinding[] = [];
  for (const origin of originsIn(model, doc.uri)) {
    for (const duplicate of doc.duplicatesAlong(origin.path)) {
      const first = duplicate.occurrences[0];
      const id = `${first.key.start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push(finding(doc, duplicate, adapter.duplicateKeys ?? DEFAULT_READING));
    }
  }
  return findings;
}

function finding(doc: ParsedDocument, duplicate: DuplicateKey, reading: string): DuplicateKeyFinding {
  const { occurrences, name } = duplicate;
  const first = occurrences[0];
  const last = occurrences[occurrences.length - 1];
  const shown = (span: Span) => {
    const text = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ');
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  const times = occurrences.length === 2 ? 'twice' : `${occurrences.length} times`;
  const [chainGets, readFirst] = [shown(last.value), shown(first.value)];
  const why = `because ${reading}. Delete all but the one you mean.`;
  // The values go in the message when they fit one Problems row (a number or a flag); else in the detail.
  const { message, detail } = fitRow([
    [`"${name}" is written ${times} in this object: the chain gets ${chainGets}, not the ${readFirst} a reviewer reads first.`, `The chain gets the last ${why}`],
    [`"${name}" is written ${times}: the chain gets ${chainGets}, not the ${readFirst} read first.`, `The chain gets the last ${why}`],
  ], [[`"${name}" is written ${times} in this object, and the chain gets the last value.`, `The chain gets ${chainGets}, not the ${readFirst} a reviewer reads first, ${why}`]]);
  return {
    span: first.key,
    message,
    detail,
    related: occurrences.slice(1).map((o, i) => ({ span: o.key, message: i === occurrences.length - 2 ? `"${name}" again: the value the chain uses` : `"${name}" again` })),
  };
}

/** Every origin in `file` that the model's elements point at, except the entries of distributions. */
function originsIn(model: AuthorityModel, file: string): Origin[] {
  const origins = new Map<string, Origin>();
  const visit = (value: unknown, depth: number): void => {
    if (origins.size >= MAX_ORIGINS || depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.file === 'string' && Array.isArray(record.path)) {
      const origin = record as unknown as Origin;
      if (origin.file === file) origins.set(pathKey(origin.path), origin);
      return;
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'entries') visit(child, depth + 1);
    }
  };
  visit(model, 0);
  return [...origins.values()];
}
