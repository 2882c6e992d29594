/**
 * Turning text a config supplies into text any output can show. Names, monikers, ids and comments in
 * a config reach messages, and a config can come from a stranger's pull request: a raw escape byte
 * would repaint a terminal, a newline could start a GitHub Actions workflow command (`::error …`), and
 * a bidi override (U+202E) would make a reviewer read a name backwards.
 */

/** C0 controls but tab and line breaks, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates. */
export const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** Half of a surrogate pair: what is left of a character when a string is cut inside it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every hidden character as a visible escape (`\u{1B}`), every line break and tab collapsed to a
 * space, and half a character (a string cut inside a surrogate pair) as U+FFFD: one line of plain text.
 */
export function visible(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`).replace(LONE_SURROGATE, '\uFFFD');
}

/** The longest a config's string appears in a message; the full value stays in the file (and in related information). */
export const MAX_NAME = 64;

/** The most of a config's string related information shows when a message had to cut it. */
export const MAX_FULL_NAME = 1000;

/** Names cut for a message, by what the message shows, so the full value can follow in related information. */
const CUT = new Map<string, string>();

/** A config's string for a message: visible, on one line, and at most `max` characters with an ellipsis. */
export function displayName(text: string, max = MAX_NAME): string {
  const shown = visible(text);
  if (shown.length <= max) return shown;
  const cut = cutAt(shown, max);
  if (CUT.size >= 256) CUT.clear();
  CUT.set(cut, shown.length <= MAX_FULL_NAME ? shown : cutAt(shown, MAX_FULL_NAME));
  return cut;
}

/** At most `max` UTF-16 code units of `text`, the last an ellipsis, cut between characters (a surrogate pair stays whole). */
function cutAt(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[max - 2]) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** The names `text` shows cut, each with its full value. */
export function cutNamesIn(text: string): [cut: string, full: string][] {
  if (!text.includes('…')) return [];
  return [...CUT].filter(([cut]) => text.includes(cut));
}
