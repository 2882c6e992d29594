/** Zero-based position, in UTF-16 code units like the LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open span of offsets into the source text. */
export interface Span {
  start: number;
  end: number;
}

/** Every LINE_STRIDE-th line start is kept; the lines between are found with indexOf. */
export const LINE_STRIDE = 64;
const STRIDE = LINE_STRIDE;

/**
 * Maps offsets to line/character positions. Line starts are indexed once, on first use, keeping
 * one in every 64 lines: a 100 MB genesis has millions of lines, and a full table would cost more
 * memory than its findings are worth.
 */
export class LineIndex {
  private checkpoints: number[] | undefined;
  private lines = 0;
  /** Whether a lone \r (classic Mac) ends lines too, as the LSP counts them; decided on first use. */
  private loneCr: boolean | undefined;

  /** `known` gives the line starts counted elsewhere (a structure scan of the same text), asked for on first use. */
  constructor(
    private readonly text: string,
    private known?: () => { lineStarts: number[]; lines: number; length: number; carriageReturns: boolean } | undefined,
  ) {}

  /** The last search for \r: from where, and what it found (-1 for none). */
  private crSearch = { from: -1, at: -1 };

  /**
   * The first \r at or after `from`. Remembered, so that walking the lines of a text whose only \r is
   * its last character costs one search, not one to the end per line.
   */
  private crFrom(from: number): number {
    const last = this.crSearch;
    if (last.from !== -1 && from >= last.from && (last.at === -1 || from <= last.at)) return last.at;
    const at = this.text.indexOf('\r', from);
    this.crSearch = { from, at };
    return at;
  }

  /** Where the next line begins, for the lines asked about lately: locating many findings on one long line searches it once. */
  private nextOf = new Map<number, number>();

  /** The start of the line after the one holding `from`, or -1 on the last line. */
  private nextLineStart(from: number): number {
    const known = this.nextOf.get(from);
    if (known !== undefined) return known;
    const next = this.findNextLineStart(from);
    if (this.nextOf.size >= 4096) this.nextOf.clear();
    this.nextOf.set(from, next);
    return next;
  }

  private findNextLineStart(from: number): number {
    const text = this.text;
    const newline = text.indexOf('\n', from);
    if (!(this.loneCr ??= text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text))) return newline === -1 ? -1 : newline + 1;
    const cr = this.crFrom(from);
    if (cr === -1 || (newline !== -1 && newline < cr)) return newline === -1 ? -1 : newline + 1;
    return text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
  }

  private index(): number[] {
    if (!this.checkpoints && this.known) {
      const known = this.known();
      this.known = undefined;
      // The scan counted lines at \n, which are the LSP's lines when there is no \r at all.
      if (known && known.length === this.text.length && !known.carriageReturns) {
        this.loneCr = false;
        this.checkpoints = known.lineStarts;
        this.lines = known.lines;
      }
    }
    if (!this.checkpoints) {
      const checkpoints = [0];
      let line = 0;
      let next = this.findNextLineStart(0);
      while (next !== -1) {
        line++;
        if (line % STRIDE === 0) checkpoints.push(next);
        next = this.findNextLineStart(next);
      }
      this.lines = line + 1;
      this.checkpoints = checkpoints;
    }
    return this.checkpoints;
  }

  get lineCount(): number {
    this.index();
    return this.lines;
  }

  positionAt(offset: number): Position {
    const checkpoints = this.index();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = checkpoints.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (checkpoints[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    let line = low * STRIDE;
    let start = checkpoints[low];
    let next: number;
    for (;;) {
      next = this.nextLineStart(start);
      if (next === -1 || next > clamped) break;
      line++;
      start = next;
    }
    // An offset inside a \r\n is no place in the text: it is the end of its line, as the LSP has it.
    return { line, character: Math.min(clamped, this.breakBefore(next)) - start };
  }

  /** Where the line break ending at `nextStart` begins (the text's end when there is no next line). */
  private breakBefore(nextStart: number): number {
    if (nextStart === -1) return this.text.length;
    return nextStart >= 2 && this.text.charCodeAt(nextStart - 2) === 13 && this.text.charCodeAt(nextStart - 1) === 10 ? nextStart - 2 : nextStart - 1;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.text.length;
    if (position.line < 0) return 0;
    return Math.min(this.lineStart(position.line) + position.character, this.lineEnd(position.line));
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const clamped = Math.max(0, Math.min(line, this.lineCount - 1));
    return this.breakBefore(this.nextLineStart(this.lineStart(clamped)));
  }

  lineStart(line: number): number {
    const checkpoints = this.index();
    const clamped = Math.max(0, Math.min(line, this.lines - 1));
    let start = checkpoints[Math.floor(clamped / STRIDE)];
    for (let i = clamped % STRIDE; i > 0; i--) start = this.nextLineStart(start);
    return start;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** The text's own line ending, so an inserted line matches its neighbours: CRLF where it has any, else LF. */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
