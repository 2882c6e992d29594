import { isMap, isScalar, parseDocument, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndingOf } from '../text/positions';

/** A change to a YAML text: `text` replaces [offset, end), or is inserted at `offset` when there is no `end`. */
export interface Insertion {
  offset: number;
  end?: number;
  text: string;
}

/** Why an entry cannot be added in place, for the action to say instead of rewriting the file. */
export interface Refusal {
  reason: string;
}

export function isRefusal<T extends object>(result: T | Refusal): result is Refusal {
  return 'reason' in result;
}

/** The text after an insertion (unchanged after a refusal). */
export function applyInsertion(text: string, insertion: Insertion | Refusal): string {
  if (isRefusal(insertion)) return text;
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.end ?? insertion.offset);
}

/** A YAML file read for an in-place edit: its one document's top-level mapping and how it writes itself. */
export interface YamlFile {
  text: string;
  root?: YAMLMap;
  /** The plain data, to say what the file must read as after the edit. */
  value: Record<string, unknown>;
  eol: string;
  /** The file's indentation step, from its first indented line that is not a comment; two spaces by default. */
  step: string;
}

/** Reads a YAML file whose top level is a mapping (or nothing); says why not otherwise. */
export function readYamlFile(text: string, name: string): YamlFile | Refusal {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    if (error.code === 'MULTIPLE_DOCS') return { reason: `${name} holds more than one YAML document` };
    return { reason: `${name} does not parse (${error.message.split('\n')[0]})` };
  }
  if (doc.contents !== null && !isMap(doc.contents)) return { reason: `${name} is not a mapping of settings at its top level` };
  const indented = /\n([ ]+)[^\s#]/.exec(text);
  const value = (doc.toJS() ?? {}) as Record<string, unknown>;
  return { text, root: (doc.contents as YAMLMap | null) ?? undefined, value, eol: lineEndingOf(text), step: indented ? indented[1] : '  ' };
}

/**
 * The edit, when the file then reads exactly as `expected` (the old data with the new entry); a
 * refusal otherwise, so that no edit ever leaves the file broken or meaning something else.
 */
export function verified(file: YamlFile, edit: Insertion, expected: unknown, name: string): Insertion | Refusal {
  const after = parseDocument(applyInsertion(file.text, edit));
  if (after.errors.length === 0 && JSON.stringify(after.toJS()) === JSON.stringify(expected)) return edit;
  return { reason: `Chokepoint cannot add it to ${name} without rewriting the file's layout; add it by hand` };
}

/** The entry of `map` whose key is `key`. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair<Node, Node | null> | undefined {
  return map?.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** An empty value (`key:` with nothing after it) or `~`/`null`. */
export function isNullNode(node: Node | null | undefined): boolean {
  return !node || (isScalar(node) && node.value === null);
}

const FLOW = { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false } as const;

/** One value in flow style: `{kind: eoa, addresses: ["0xb"]}`. */
function flow(value: unknown): string {
  return stringify(value, FLOW).trim();
}

/** Block YAML for `value`, each line indented by `indent`, in the file's line ending. */
function block(file: YamlFile, value: unknown, indent: string): string {
  const yaml = stringify(value, { lineWidth: 0, indent: Math.max(1, file.step.length) }).replace(/\n$/, '');
  return yaml.split('\n').map((line) => indent + line).join(file.eol) + file.eol;
}

/** The offset just past the line the offset is on (the offset itself at the start of a line), or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset - 1));
  return newline === -1 ? text.length : newline + 1;
}

/** Where a new line may start after `offset`: past its line, with a line break added when the text ends without one. */
function nextLine(file: YamlFile, offset: number): { offset: number; prefix: string } {
  const at = lineEnd(file.text, offset);
  const unfinished = at === file.text.length && file.text.replace(/^\uFEFF/, '').length > 0 && !file.text.endsWith('\n');
  return { offset: at, prefix: unfinished ? file.eol : '' };
}

/** The leading spaces of the line holding `offset`. */
function columnOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ ]*/.exec(text.slice(start))![0];
}

/** Whether `offset` is the first thing on its line. */
function startsLine(text: string, offset: number): boolean {
  return /^[ ]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

/** Where the document's content ends: at its `...` end marker when it has one (later text would be a new document), else the end of the text. */
function documentEnd(text: string): number {
  const marker = /^\.\.\.(?=\s|$)/m.exec(text);
  return marker ? marker.index : text.length;
}

/** A new top-level key, after everything else in the document. */
export function addTopLevel(file: YamlFile, key: string, value: unknown): Insertion {
  if (file.root?.flow) return addToMap(file, file.root, key, value);
  const { offset, prefix } = nextLine(file, documentEnd(file.text));
  return { offset, text: prefix + block(file, { [key]: value }, '') };
}

/** A new entry of a mapping, after its last one, in the mapping's own style. */
export function addToMap(file: YamlFile, map: YAMLMap, key: string, value: unknown): Insertion {
  if (map.flow) {
    const entry = flow({ [key]: value }).slice(1, -1);
    const last = map.items.at(-1);
    if (!last) return { offset: map.range![0] + 1, text: entry };
    const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
    return { offset: end, text: flowSeparator(file, map.range![0], (map.items[0].key as Node).range![0], (last.key as Node).range![0]) + entry };
  }
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(file.text, first.range[0]) : file.step;
  const { offset, prefix } = nextLine(file, map.range![1]);
  return { offset, text: prefix + block(file, { [key]: value }, indent) };
}

/** What goes before a new item of a flow collection: on a line of its own, indented like the last, when the items start on lines of their own. */
function flowSeparator(file: YamlFile, open: number, first: number, last: number): string {
  return file.text.slice(open, first).includes('\n') ? `,${file.eol}${columnOf(file.text, last)}` : ', ';
}

/** New items at the end of a sequence, in the sequence's own style (a trailing comma of a flow sequence stays last). */
export function addToSeq(file: YamlFile, seq: YAMLSeq, items: unknown[]): Insertion {
  if (seq.flow) {
    const last = seq.items.at(-1) as Node | undefined;
    if (!last) return { offset: seq.range![0] + 1, text: items.map(flow).join(', ') };
    const separator = flowSeparator(file, seq.range![0], (seq.items[0] as Node).range![0], last.range![0]);
    return { offset: last.range![1], text: items.map((item) => separator + flow(item)).join('') };
  }
  const first = seq.items[0] as Node | undefined;
  const dash = first?.range ? columnOf(file.text, first.range[0]) : file.step;
  const { offset, prefix } = nextLine(file, seq.range![1]);
  return { offset, text: prefix + block(file, items, dash) };
}

/**
 * A value where an entry holds none: under its key, one step deeper, when the key starts its line
 * and nothing follows it but a comment (`entities:`); in place of `~` or `null` otherwise.
 */
export function fillEmpty(file: YamlFile, pair: Pair<Node, Node | null>, value: unknown): Insertion {
  const key = pair.key.range!;
  const node = pair.value;
  const empty = !node || node.range![0] === node.range![1];
  if (empty && startsLine(file.text, key[0])) {
    const { offset, prefix } = nextLine(file, key[1]);
    return { offset, text: prefix + block(file, value, columnOf(file.text, key[0]) + file.step) };
  }
  if (empty) return { offset: key[1] + 1, text: ` ${flow(value)}` };
  return { offset: node.range![0], end: node.range![1], text: flow(value) };
}
