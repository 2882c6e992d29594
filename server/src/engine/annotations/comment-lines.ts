import type { ParsedDocument } from '../parse';
import type { Comment } from '../parse/types';

/** The first comment that ends after `offset` (comments are in source order and do not overlap, so their ends are sorted). */
function firstEndingAfter(comments: Comment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (comments[mid].span.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The comment that `offset` lies strictly inside (a block comment running over lines), if any. */
export function commentAround(doc: ParsedDocument, offset: number): Comment | undefined {
  const comment = doc.comments[firstEndingAfter(doc.comments, offset)];
  return comment && comment.span.start < offset ? comment : undefined;
}

/** Whether a line holds nothing but comments and blanks: a directive speaks past such lines, the inner lines of a block comment included. */
export function holdsOnlyComments(doc: ParsedDocument, line: number): boolean {
  const start = doc.lines.lineStart(line);
  const end = start + doc.lines.lineText(line).length;
  let cursor = start;
  for (let i = firstEndingAfter(doc.comments, start); i < doc.comments.length && doc.comments[i].span.start < end; i++) {
    const { span } = doc.comments[i];
    if (doc.text.slice(cursor, Math.max(cursor, span.start)).trim() !== '') return false;
    cursor = Math.max(cursor, span.end);
  }
  return cursor >= end || doc.text.slice(cursor, end).trim() === '';
}
