import type { Origin } from '../model/schema';

/**
 * A finding's message fits one row of the Problems panel: a rule offers candidate messages from the
 * one that says most to the one that says least, each with the detail that says what it leaves out.
 */

/** How long a finding's message should be to fit one row of the Problems panel, and how long it may be at most. */
export const ROW_LENGTH = 120;
export const ROW_LIMIT = 140;

/** A candidate message and the detail that says what it leaves out, so no candidate loses a fact. */
export type Row = [message: string, detail: string];

/**
 * The first row whose message fits one Problems row (else the first within the limit), from the
 * most said to the least. `lastResort` rows drop words a reader may search for, such as the aside of
 * a holder's name, so they are used only when no other row is within the limit.
 */
export function fitRow(rows: Row[], lastResort: Row[] = []): { message: string; detail: string } {
  const within = (group: Row[], limit: number) => group.find(([message]) => message.length <= limit);
  const [message, detail] = within(rows, ROW_LENGTH) ?? within(rows, ROW_LIMIT) ?? within(lastResort, ROW_LENGTH) ?? within(lastResort, ROW_LIMIT)
    ?? [...rows, ...lastResort].sort((a, b) => a[0].length - b[0].length)[0];
  return { message, detail };
}

/** The key an origin ends at ("respectedGameType"), if it is a name: what a message names when it leaves out the rest. */
export function fieldOf(at: Origin): string | undefined {
  const key = [...at.path].reverse().find((part): part is string => typeof part === 'string');
  return key !== undefined && /^[A-Za-z_][\w.-]{0,39}$/.test(key) ? key : undefined;
}

/** `text`, with the field it is read from in parentheses (or after a comma) unless it already names it. */
export function withField(text: string, at: Origin, separator: 'parentheses' | 'comma' = 'parentheses'): string {
  const field = fieldOf(at);
  const plain = (words: string) => words.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (field === undefined || plain(text).includes(plain(field))) return text;
  return separator === 'comma' ? `${text}, ${field}` : `${text} (${field})`;
}

/** The text up to its first clause break outside parentheses: "x (a, b), as read at…" gives "x (a, b)". */
export function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ':' || c === ';') && text[i + 1] === ' ') return text.slice(0, i);
  }
  return text;
}

/** The text without its parenthetical asides: "Batcher (sequencer)" gives "Batcher". */
export function withoutAsides(text: string): string {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, ' ').replace(/ ([,:;.])/g, '$1').trim();
}
