/**
 * One pass over the bytes of a JSON file that records where its large containers end and where
 * every 256th element of its long arrays begins, in UTF-16 offsets of the decoded text. The
 * locator uses it to jump over a 100 MB genesis instead of scanning it; the pass runs on a worker
 * thread while the main thread reads and parses the same file (see prescan.ts).
 */

/** Containers at least this many bytes long have their end recorded. */
export const LARGE_CONTAINER_BYTES = 64 * 1024;
/** Every this-many-th element of an array has its start recorded. */
export const CHECKPOINT_EVERY = 256;

export interface StructureIndex {
  /** Length of the decoded text in UTF-16 units, to check the index describes the text at hand. */
  length: number;
  /** End (exclusive) of each large container, by its start. */
  ends: Map<number, number>;
  /** Start of every LINE_STRIDE-th line, as LineIndex keeps them, and the number of lines. */
  lineStarts: number[];
  lines: number;
  /** Whether any \r was seen (outside strings): then the lines, counted at \n, may not be the LSP's. */
  carriageReturns: boolean;
  /** How many elements apart the checkpoints are. */
  every: number;
  /** For a long array (by its start): where element k × every begins (after its comma), for k = 1, 2, … */
  checkpoints: Map<number, number[]>;
}

import { isAscii } from 'node:buffer';
import { LINE_STRIDE } from '../text/positions';

const QUOTE = 34;
const BACKSLASH = 92;

/** Feeds chunks of UTF-8 in order; `finish` returns the index. Never throws on malformed input: the result is only a hint, checked before use. */
export class StructureScanner {
  constructor(
    private readonly largeBytes = LARGE_CONTAINER_BYTES,
    private readonly every = CHECKPOINT_EVERY,
  ) {}

  private inString = false;
  private escaped = false;
  /** Offset in UTF-16 units of the next byte. */
  private offset = 0;
  private bytesSeen = 0;
  private readonly openStarts: number[] = [];
  private readonly openByteStarts: number[] = [];
  /** Elements seen so far in each open array; -1 for an object. */
  private readonly openCounts: number[] = [];
  private readonly ends = new Map<number, number>();
  private readonly checkpoints = new Map<number, number[]>();
  private readonly lineStarts = [0];
  private newlines = 0;
  private carriageReturns = false;

  feed(bytes: Uint8Array, length = bytes.length): void {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, length);
    if (isAscii(chunk)) this.feedAscii(chunk);
    else this.feedAny(chunk, length);
  }

  /** ASCII only: one byte is one UTF-16 unit, and strings are skipped with a native search for the closing quote. */
  private feedAscii(bytes: Buffer): void {
    const length = bytes.length;
    const base = this.offset - this.bytesSeen;
    let i = 0;
    while (i < length) {
      if (this.inString) {
        const quote = bytes.indexOf(QUOTE, i);
        const stop = quote === -1 ? length : quote;
        // Backslashes just before `stop` decide whether it is escaped, carried over from the last chunk if they reach its start.
        let backslashes = 0;
        for (let k = stop - 1; k >= i && bytes[k] === BACKSLASH; k--) backslashes++;
        const escapedBefore = backslashes === stop - i ? this.escaped : false;
        const escaped = (backslashes % 2 === 1) !== escapedBefore;
        if (quote === -1) {
          this.escaped = escaped;
          i = length;
          break;
        }
        this.escaped = false;
        if (!escaped) this.inString = false;
        i = quote + 1;
        continue;
      }
      const b = bytes[i];
      if (b === QUOTE) this.inString = true;
      else if (b === 10) this.newline(base + this.bytesSeen + i);
      else if (b === 13) this.carriageReturns = true;
      else if (b === 123 || b === 91 || b === 125 || b === 93 || b === 44) this.structural(b, this.bytesSeen + i, base + this.bytesSeen + i);
      i++;
    }
    this.offset += length;
    this.bytesSeen += length;
  }

  private newline(offset: number): void {
    if (++this.newlines % LINE_STRIDE === 0) this.lineStarts.push(offset + 1);
  }

  private structural(b: number, bytePosition: number, offset: number): void {
    if (b === 123 /* { */ || b === 91 /* [ */) {
      this.openStarts.push(offset);
      this.openByteStarts.push(bytePosition);
      this.openCounts.push(b === 91 ? 0 : -1);
    } else if (b === 125 /* } */ || b === 93 /* ] */) {
      const start = this.openStarts.pop();
      const byteStart = this.openByteStarts.pop();
      this.openCounts.pop();
      if (start !== undefined && byteStart !== undefined && bytePosition - byteStart >= this.largeBytes) this.ends.set(start, offset + 1);
    } else {
      const top = this.openCounts.length - 1;
      if (top >= 0 && this.openCounts[top] >= 0 && ++this.openCounts[top] % this.every === 0) {
        const arrayStart = this.openStarts[top];
        let list = this.checkpoints.get(arrayStart);
        if (!list) this.checkpoints.set(arrayStart, (list = []));
        list.push(offset + 1);
      }
    }
  }

  /** Any UTF-8: byte by byte, counting UTF-16 units. */
  private feedAny(bytes: Uint8Array, length: number): void {
    let offset = this.offset;
    let inString = this.inString;
    let escaped = this.escaped;
    for (let i = 0; i < length; i++) {
      const b = bytes[i];
      if (b >= 0x80) {
        // UTF-8 continuation bytes add no UTF-16 unit; a four-byte sequence adds a surrogate pair.
        if ((b & 0xc0) !== 0x80) offset += b >= 0xf0 ? 2 : 1;
        escaped = false;
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) {
        inString = true;
      } else if (b === 123 || b === 91 || b === 125 || b === 93 || b === 44) {
        this.structural(b, this.bytesSeen + i, offset);
      }
      if (b === 10) this.newline(offset);
      else if (b === 13) this.carriageReturns = true;
      offset++;
    }
    this.offset = offset;
    this.inString = inString;
    this.escaped = escaped;
    this.bytesSeen += length;
  }

  finish(): StructureIndex {
    return { length: this.offset, every: this.every, ends: this.ends, checkpoints: this.checkpoints, lineStarts: this.lineStarts, lines: this.newlines + 1, carriageReturns: this.carriageReturns };
  }
}
