import { readFileSync } from 'node:fs';
import { spanOf } from '../engine/lint';
import type { Origin } from '../engine/model/schema';
import { parseDocument, type ParsedDocument } from '../engine/parse';

/**
 * Finds the line of an origin by reading and parsing its file again, once per file: the lint's
 * parsed documents are gone by the time a report is built. Strict JSON locates lazily, so a large
 * genesis costs one more `JSON.parse`.
 */
export function fileLocator(): (origin: Origin) => number | undefined {
  const docs = new Map<string, ParsedDocument | null>();
  return (origin) => {
    let doc = docs.get(origin.file);
    if (doc === undefined) {
      try {
        doc = parseDocument(origin.file, readFileSync(origin.file, 'utf8'));
      } catch {
        doc = null;
      }
      docs.set(origin.file, doc);
    }
    return doc ? doc.lines.positionAt(spanOf(doc, origin).start).line + 1 : undefined;
  };
}
