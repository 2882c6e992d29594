import type { Span } from '../text/positions';
import { lookupTable } from '../text/lookup';

/** A quoted string decoded from its source text, keeping where each decoded character came from. */
export interface DecodedLiteral {
  value: string;
  /**
   * `offsets[i]` is the source offset where decoded UTF-16 unit `i` begins (the backslash of an
   * escape); `offsets[value.length]` is the closing quote. A decoded span `[s, e)` is therefore the
   * source span `[offsets[s], offsets[e])`, escapes included.
   */
  offsets: number[];
}

const ESCAPES = lookupTable<string>({
  '"': '"', '\\': '\\', '/': '/', "'": "'", b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', a: '\x07', e: '\x1b', '0': '\0', ' ': ' ',
});

const HEX_DIGITS = lookupTable<number>({ x: 2, u: 4, U: 8 });

/**
 * Decodes a single-line quoted string literal at `span`: double-quoted with JSON escapes (which
 * also covers JSONC, TOML basic strings and YAML double-quoted scalars, with their `\xXX` and
 * `\UXXXXXXXX` forms), or single-quoted where `''` stands for `'` (YAML; TOML literal strings have
 * no escapes). Multi-line (triple-quoted) strings give undefined.
 */
export function decodeLiteral(text: string, span: Span): DecodedLiteral | undefined {
  const quote = text[span.start];
  if ((quote !== '"' && quote !== "'") || span.end - span.start < 2 || text[span.end - 1] !== quote) return undefined;
  if (span.end - span.start >= 6 && text.startsWith(quote.repeat(3), span.start)) return undefined;
  const units: string[] = [];
  const offsets: number[] = [];
  const end = span.end - 1;
  let i = span.start + 1;
  while (i < end) {
    const c = text[i];
    if (quote === "'") {
      offsets.push(i);
      units.push(c);
      i += c === "'" && text[i + 1] === "'" ? 2 : 1;
      continue;
    }
    if (c !== '\\') {
      offsets.push(i);
      units.push(c);
      i++;
      continue;
    }
    const kind = text[i + 1];
    const digits = HEX_DIGITS[kind];
    const hex = digits === undefined ? '' : text.slice(i + 2, i + 2 + digits);
    if (digits !== undefined && hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) && i + 2 + digits <= end) {
      const decoded = String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
      for (const unit of decoded.split('')) {
        offsets.push(i);
        units.push(unit);
      }
      i += 2 + digits;
    } else if (kind === '\n' || kind === '\r') {
      // A YAML escaped line break: the break and the next line's indentation vanish.
      i += 2;
      while (text[i] === '\n' || text[i] === '\r' || text[i] === ' ' || text[i] === '\t') i++;
    } else {
      offsets.push(i);
      units.push(ESCAPES[kind] ?? kind ?? '');
      i += 2;
    }
  }
  offsets.push(end);
  return { value: units.join(''), offsets };
}

/** Maps a span of the decoded string back to the source text. */
export function sourceSpan(decoded: DecodedLiteral, span: Span): Span {
  const last = decoded.offsets.length - 1;
  return { start: decoded.offsets[Math.min(span.start, last)], end: decoded.offsets[Math.min(span.end, last)] };
}
