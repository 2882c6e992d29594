import { visible } from '../engine/text/display';

/** Text for HTML content and attribute values: every character that could open markup or end an attribute is an entity. */
export function html(value: string | number): string {
  return visible(String(value)).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for Markdown, inline or in a table cell: on one line, with every character that could start
 * markup, a link, HTML, a mention, an autolink or a cell boundary escaped, so a config's strings stay text in a PR comment.
 */
export function md(value: string | number): string {
  return visible(String(value))
    .replace(/[\\`*_[\]<>|~&@#]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\:\\/\\/')
    // GFM links a bare www. name, and a reference like owner/repo#12 (its # is escaped above) to an issue.
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/** A code span that no backtick or line break in the text can end early, of visible characters only. */
export function mdCode(value: string): string {
  return `\`${visible(value).replace(/`/g, ' ')}\``;
}

/** "1234567" → "1,234,567", for BigInt amounts as decimal strings. */
export function thousands(digits: string): string {
  const sign = digits.startsWith('-') ? '-' : '';
  const body = sign ? digits.slice(1) : digits;
  if (!/^\d+$/.test(body)) return digits;
  const groups = [body.slice(0, body.length % 3 || 3)];
  for (let start = groups[0].length; start < body.length; start += 3) groups.push(body.slice(start, start + 3));
  return sign + groups.join(',');
}

/** A compact amount: "1.2e27" beyond what anyone reads digit by digit, else "1,234,567". */
export function amount(digits: string): string {
  if (digits.length <= 15) return thousands(digits);
  return `${digits[0]}.${digits.slice(1, 3)}e${digits.length - 1}`;
}
