import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndingOf } from '../text/positions';
import type { EntityConfig, SuppressionConfig } from './schema';

/** Text to insert at an offset of a .chokepoint.yaml: the whole change an edit makes. */
export interface Insertion {
  offset: number;
  text: string;
}

/**
 * Adds entries to a .chokepoint.yaml in place: the new entry is inserted as text where it belongs,
 * indented like its neighbours and with the file's own line ending, and every other byte (comments,
 * alignment, flow collections, blank lines) stays as written. Returns the insertion, or undefined
 * when the file is not a mapping at the top (then nothing is edited).
 */
export function suppressionInsertion(text: string, suppression: SuppressionConfig): Insertion | undefined {
  return appendTo(text, 'suppressions', suppression);
}

export function entityInsertion(text: string, id: string, entity: Partial<EntityConfig> & { addresses: string[] }): Insertion | undefined {
  const file = read(text);
  if (!file) return undefined;
  const entities = file.root?.get('entities', true);
  if (!isMap(entities)) return topLevel(file, 'entities', { [id]: entity });
  const existing = entities.get(id, true);
  if (!isMap(existing)) return afterLastEntry(file, entities, { [id]: entity });
  const addresses = existing.get('addresses', true);
  const known = isSeq(addresses) ? addresses.items.map((item) => String(isScalar(item) ? item.value : item)) : [];
  const missing = entity.addresses.filter((a) => !known.includes(a));
  if (missing.length === 0) return { offset: text.length, text: '' };
  if (isSeq(addresses)) return addToSeq(file, addresses, missing);
  return afterLastEntry(file, existing, { addresses: missing });
}

/** The text after an insertion. */
export function applyInsertion(text: string, insertion: Insertion | undefined): string {
  return insertion ? text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset) : text;
}

export function addSuppression(text: string, suppression: SuppressionConfig): string {
  return applyInsertion(text, suppressionInsertion(text, suppression));
}

export function addEntity(text: string, id: string, entity: Partial<EntityConfig> & { addresses: string[] }): string {
  return applyInsertion(text, entityInsertion(text, id, entity));
}

interface File {
  text: string;
  root?: YAMLMap;
  eol: string;
  /** The file's indentation step, from its first indented line; two spaces by default. */
  step: string;
}

function read(text: string): File | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  if (doc.contents !== null && !isMap(doc.contents)) return undefined;
  const indented = /\n([ ]+)\S/.exec(text);
  return { text, root: doc.contents ?? undefined, eol: lineEndingOf(text), step: indented ? indented[1] : '  ' };
}

function appendTo(text: string, key: string, item: object): Insertion | undefined {
  const file = read(text);
  if (!file) return undefined;
  const list = file.root?.get(key, true);
  if (isSeq(list)) return addToSeq(file, list, [item]);
  return topLevel(file, key, [item]);
}

/** Block YAML for `value`, each line indented by `indent`, in the file's line ending. */
function block(file: File, value: unknown, indent: string): string {
  const yaml = stringify(value, { lineWidth: 0, indent: Math.max(1, file.step.length) }).replace(/\n$/, '');
  return yaml.split('\n').map((line) => indent + line).join(file.eol) + file.eol;
}

/** The offset just past the line the offset is on (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset - 1));
  return newline === -1 ? text.length : newline + 1;
}

/** Where a new line may start after `offset`: past its line, with a line break added when the text ends without one. */
function nextLine(file: File, offset: number): { offset: number; prefix: string } {
  const at = lineEnd(file.text, offset);
  return { offset: at, prefix: at === file.text.length && file.text.length > 0 && !file.text.endsWith('\n') ? file.eol : '' };
}

function topLevel(file: File, key: string, value: unknown): Insertion {
  const { offset, prefix } = nextLine(file, file.text.length);
  return { offset, text: prefix + block(file, { [key]: value }, '') };
}

function columnOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ ]*/.exec(text.slice(start))![0];
}

function addToSeq(file: File, seq: YAMLSeq, items: unknown[]): Insertion {
  const range = seq.range!;
  if (seq.flow) {
    // Before the closing bracket: `[a, b]` becomes `[a, b, c]`.
    const close = file.text.lastIndexOf(']', range[1]);
    const rendered = items.map((item) => stringify(item, { collectionStyle: 'flow', lineWidth: 0 }).trim()).join(', ');
    return { offset: close, text: `${seq.items.length > 0 ? ', ' : ''}${rendered}` };
  }
  const first = seq.items[0] as Node | undefined;
  const dash = first?.range ? columnOf(file.text, first.range[0]) : file.step;
  const { offset, prefix } = nextLine(file, range[1]);
  return { offset, text: prefix + block(file, items, dash) };
}

function afterLastEntry(file: File, map: YAMLMap, value: Record<string, unknown>): Insertion {
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(file.text, first.range[0]) : file.step;
  const { offset, prefix } = nextLine(file, map.range![1]);
  return { offset, text: prefix + block(file, value, indent) };
}
