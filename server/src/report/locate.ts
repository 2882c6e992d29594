import { readFileSync } from 'node:fs';
import { spanOf } from '../engine/lint';
import type { Origin } from '../engine/model/schema';
import { parseDocument, type ParsedDocument } from '../engine/parse';

/**
 * Finds the line of an origin in the documents the lint parsed (`parsed`), or else by reading and
 * parsing its file again, once per file.
 */
export function fileLocator(parsed?: ReadonlyMap<string, ParsedDocument>): (origin: Origin) => number | undefined {
  const docs = new Map<string, ParsedDocument | null>(parsed);
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
