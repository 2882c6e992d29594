import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { yamlNestedTooDeep } from '../parse/yaml';
import type { Span } from '../text/positions';
import type { PathStep } from './json-schema';

/** Where a completion at the cursor goes: a key of the mapping at `path`, or the value at `path`. */
export type CursorContext =
  | { kind: 'key'; path: PathStep[]; siblings: string[]; word: Span; keyFollows: boolean; listItem: boolean }
  | { kind: 'value'; path: PathStep[]; word: Span };

/** What the cursor is on when it is on a mapping key. */
export interface KeyAtCursor {
  path: PathStep[];
  span: Span;
}

const PLACEHOLDER = '__chokepoint_cursor__';
/** The characters of a plain scalar being typed: anything up to whitespace, YAML indicators and quotes. */
const WORD_BEFORE = /[^\s:,[\]{}#"'&*!|>%@`]*$/;
const WORD_AFTER = /^[^\s:,[\]{}#"'&*!|>%@`]*/;

/**
 * What the text being typed at `offset` is: a key or a value, and where it sits in the document.
 * The word at the cursor is replaced by a placeholder (followed by a colon where a block key may
 * start: after nothing but indentation and list dashes) and the yaml package says where the
 * placeholder landed; a document too broken to place it gives undefined. `listItem`: the key
 * starts a list item, which may as well be a scalar.
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  const word = { start: offset - WORD_BEFORE.exec(before)![0].length, end: offset + WORD_AFTER.exec(after)![0].length };
  const head = text.slice(lineStart, word.start);
  const rest = text.slice(word.end, lineEnd);
  const keyFollows = /^\s*:(\s|$)/.test(rest);
  const listItem = /^\s*(?:-\s+)+$/.test(head);
  const blockKey = (listItem || /^\s*$/.test(head)) && !keyFollows;
  const edited = `${text.slice(0, word.start)}${PLACEHOLDER}${blockKey ? ':' : ''}${text.slice(word.end)}`;
  const found = findPlaceholder(edited);
  if (!found) return undefined;
  if (found.kind === 'key') return { kind: 'key', path: found.path, siblings: found.siblings, word, keyFollows, listItem };
  return { kind: 'value', path: found.path, word };
}

/** The mapping key whose text holds `offset`, with the path of the value it names. */
export function keyAt(text: string, offset: number): KeyAtCursor | undefined {
  const doc = parse(text);
  if (!doc) return undefined;
  let hit: KeyAtCursor | undefined;
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = pair.key;
      if (!isScalar(key) || !key.range || offset < key.range[0] || offset > key.range[1]) return undefined;
      hit = { path: [...logicalPath([...ancestors, pair]), String(key.value)], span: { start: key.range[0], end: key.range[1] } };
      return visit.BREAK;
    },
  });
  return hit;
}

function findPlaceholder(text: string): { kind: 'key'; path: PathStep[]; siblings: string[] } | { kind: 'value'; path: PathStep[] } | undefined {
  const doc = parse(text);
  if (!doc) return undefined;
  let found: ReturnType<typeof findPlaceholder>;
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (node.value !== PLACEHOLDER) return undefined;
      const chain = [...ancestors, node];
      if (key === 'key') {
        const map = ancestors[ancestors.length - 2];
        const siblings = isMap(map) ? map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).filter((name) => name && name !== PLACEHOLDER) : [];
        found = { kind: 'key', path: logicalPath(ancestors.slice(0, -1)), siblings };
      } else {
        found = { kind: 'value', path: logicalPath(chain) };
      }
      return visit.BREAK;
    },
  });
  return found;
}

/** Keys and indexes from the document down to the last node of `chain` (a list of ancestors, each the parent of the next). */
function logicalPath(chain: readonly unknown[]): PathStep[] {
  const path: PathStep[] = [];
  chain.forEach((node, i) => {
    const child = chain[i + 1];
    if (child === undefined) return;
    if (isPair(node) && node.value === child) path.push(isScalar(node.key) ? String(node.key.value) : '');
    else if (isSeq(node)) path.push(node.items.indexOf(child as never));
  });
  return path;
}

function parse(text: string): Document | undefined {
  if (yamlNestedTooDeep(text)) return undefined;
  return parseDocument(text, { strict: false, logLevel: 'silent', uniqueKeys: false });
}
