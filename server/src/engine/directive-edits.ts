import { commentAround } from './annotations/comment-lines';
import type { ParsedDocument } from './parse';
import { lineEndingOf, type Span } from './text/positions';

export interface LineInsertion {
  /** Zero-based line to insert before. */
  line: number;
  /** Where on that line: its start, or past the byte-order mark on the first line (which must stay the first character). */
  character: number;
  text: string;
}

/** The comment marker of a format, or undefined where the format has no comments (JSON). */
export function commentMarker(doc: ParsedDocument): string | undefined {
  if (doc.format === 'yaml' || doc.format === 'toml') return '#';
  if (doc.format === 'jsonc') return '//';
  return undefined;
}

function indentOf(doc: ParsedDocument, line: number): string {
  return /^\uFEFF?([ \t]*)/.exec(doc.lines.lineText(line))?.[1] ?? '';
}

/** Where a line's text begins: past the byte-order mark on the first line, which must stay the file's first character. */
function textStart(doc: ParsedDocument, line: number): number {
  return line === 0 && doc.text.startsWith('\uFEFF') ? 1 : 0;
}

/**
 * A comment line inserted above `line`, indented like it, ending with the file's line break. When
 * the line begins inside a block comment (its key follows the comment's close), it goes above the comment:
 * a line inserted within it would only lengthen the comment; the directive speaks past comments.
 */
function commentLine(doc: ParsedDocument, line: number, marker: string, body: string): LineInsertion {
  const around = commentAround(doc, doc.lines.lineStart(line));
  const at = around ? doc.lines.positionAt(around.span.start).line : line;
  return { line: at, character: textStart(doc, at), text: `${indentOf(doc, at)}${marker} ${body}${lineEndingOf(doc.text)}` };
}

/** The words a suppression comment leaves for its author to replace; a suppression still holding them suppresses nothing. */
export const REASON_PLACEHOLDER = '<why this risk is accepted>';

/** A `chokepoint-disable-next-line` comment above `line`, indented like it, with a reason to fill in. */
export function suppressionComment(doc: ParsedDocument, line: number, ruleId: string): LineInsertion | undefined {
  const marker = commentMarker(doc);
  if (!marker) return undefined;
  return commentLine(doc, line, marker, `chokepoint-disable-next-line ${ruleId} -- ${REASON_PLACEHOLDER}`);
}

/** A `chokepoint:` declaration above `line`, e.g. "multisig 6-of-8 timelock 7d". */
export function declarationComment(doc: ParsedDocument, line: number, declaration: string): LineInsertion | undefined {
  const marker = commentMarker(doc);
  if (!marker) return undefined;
  return commentLine(doc, line, marker, `chokepoint: ${declaration}`);
}

/** What to delete to remove a comment: its whole line when it stands alone, else the comment and the blanks before it. */
export function commentRemoval(doc: ParsedDocument, comment: Span): Span {
  const line = doc.lines.positionAt(comment.start).line;
  const start = doc.lines.lineStart(line) + textStart(doc, line);
  const before = doc.text.slice(start, comment.start);
  if (/^[ \t]*$/.test(before)) {
    const next = line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
    return { start, end: Math.max(next, comment.end) };
  }
  return { start: start + before.trimEnd().length, end: comment.end };
}
