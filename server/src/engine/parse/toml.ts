import { parseTOML } from 'toml-eslint-parser';
import { defineEntry } from './define';
import type { SourceNode } from './source-tree';
import type { Comment, ParseProblem } from './types';

export interface TomlResult {
  value: unknown;
  tree: SourceNode | undefined;
  problems: ParseProblem[];
  comments: Comment[];
}

type Ast = ReturnType<typeof parseTOML>;
type AnyNode = { type: string; range: [number, number]; [key: string]: unknown };

/**
 * Arrays and inline tables nested deeper than this are refused before parsing: toml-eslint-parser
 * and the readers below recurse, and a stack overflow is no place to find a span.
 */
export const MAX_TOML_DEPTH = 256;

/**
 * toml-eslint-parser builds each string, key and number with `String.fromCodePoint(...chars)`, which
 * overflows the stack somewhere above 100,000 characters; longer tokens are refused at a fixed size.
 */
export const MAX_TOML_TOKEN = 65_536;

/** Never throws: a syntax error, nesting too deep or a token too long to read is one problem with a span. */
export function parseToml(text: string): TomlResult {
  const unreadable = beyondLimits(text);
  if (unreadable) return { value: undefined, tree: undefined, problems: [unreadable], comments: [] };
  try {
    // toml-eslint-parser rejects a byte order mark; a space in its place keeps every offset.
    return readToml(text, parseTOML(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text));
  } catch (error) {
    const err = error as { message: string; index?: number };
    const at = typeof err.index === 'number' ? err.index : 0;
    return { value: undefined, tree: undefined, problems: [{ message: `TOML syntax error: ${err.message}.`, span: { start: at, end: Math.min(text.length, at + 1) } }], comments: [] };
  }
}

function readToml(text: string, ast: Ast): TomlResult {
  const root: SourceNode = { value: { start: 0, end: text.length }, children: new Map() };
  const top = ast.body[0] as unknown as { body: AnyNode[] };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      addKeyValue(root, item);
    } else if (item.type === 'TOMLTable') {
      const table = ensurePath(root, item.resolvedKey as (string | number)[], item.range);
      for (const keyValue of item.body as AnyNode[]) addKeyValue(table, keyValue);
    }
  }
  const comments = (ast.comments as unknown as { value: string; range: [number, number] }[]).map((c) => ({ text: c.value, span: { start: c.range[0], end: c.range[1] } }));
  return { value: tomlValue(top.body), tree: root, problems: [], comments };
}

type Table = Record<string, unknown>;

/**
 * The plain value, built with own properties only: unlike an assignment, a `__proto__` key stays
 * data and can neither replace a table's prototype nor write into Object.prototype.
 */
function tomlValue(items: AnyNode[]): Table {
  const root: Table = {};
  for (const item of items) {
    if (item.type === 'TOMLKeyValue') {
      setKeyValue(root, item);
    } else if (item.type === 'TOMLTable') {
      const table = tableAt(root, item.resolvedKey as (string | number)[]);
      for (const keyValue of item.body as AnyNode[]) setKeyValue(table, keyValue);
    }
  }
  return root;
}

function tableAt(root: Table, path: (string | number)[]): Table {
  let node: Table | unknown[] = root;
  path.forEach((step, i) => {
    const existing = Array.isArray(node) ? node[step as number] : ownValue(node, String(step));
    if (typeof existing === 'object' && existing !== null) {
      node = existing as Table | unknown[];
      return;
    }
    const created: Table | unknown[] = typeof path[i + 1] === 'number' ? [] : {};
    if (Array.isArray(node)) node[step as number] = created;
    else defineEntry(node, String(step), created);
    node = created;
  });
  return node as Table;
}

function setKeyValue(table: Table, keyValue: AnyNode): void {
  const names = (keyValue.key as { keys: AnyNode[] }).keys.map(keyName);
  let target = table;
  for (const name of names.slice(0, -1)) {
    const existing = ownValue(target, name);
    if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) {
      target = existing as Table;
    } else {
      const created: Table = {};
      defineEntry(target, name, created);
      target = created;
    }
  }
  defineEntry(target, names[names.length - 1], plainValue(keyValue.value as AnyNode));
}

function plainValue(value: AnyNode): unknown {
  if (value.type === 'TOMLArray') return (value.elements as AnyNode[]).map(plainValue);
  if (value.type !== 'TOMLInlineTable') return value.value;
  const table: Table = {};
  for (const keyValue of value.body as AnyNode[]) setKeyValue(table, keyValue);
  return table;
}

function ownValue(table: Table, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function ensurePath(root: SourceNode, path: (string | number)[], range: [number, number]): SourceNode {
  let node = root;
  path.forEach((step, i) => {
    node.children ??= new Map();
    let child = node.children.get(step);
    if (!child) {
      child = { value: { start: range[0], end: range[1] } };
      node.children.set(step, child);
    }
    if (i === path.length - 1) child.value = { start: range[0], end: range[1] };
    node = child;
  });
  return node;
}

function keyName(key: AnyNode): string {
  return String(key.name ?? key.value);
}

function addKeyValue(table: SourceNode, keyValue: AnyNode): void {
  const keyNode = keyValue.key as { keys: AnyNode[]; range: [number, number] };
  const names = keyNode.keys.map(keyName);
  const parent = ensurePath(table, names.slice(0, -1), keyValue.range);
  parent.children ??= new Map();
  const child = valueNode(keyValue.value as AnyNode);
  child.key = { start: keyNode.range[0], end: keyNode.range[1] };
  parent.children.set(names[names.length - 1], child);
}

function valueNode(value: AnyNode): SourceNode {
  const node: SourceNode = { value: { start: value.range[0], end: value.range[1] } };
  if (value.type === 'TOMLInlineTable') {
    node.children = new Map();
    for (const keyValue of value.body as AnyNode[]) addKeyValue(node, keyValue);
  } else if (value.type === 'TOMLArray') {
    node.children = new Map();
    (value.elements as AnyNode[]).forEach((element, index) => node.children!.set(index, valueNode(element)));
  } else if (value.type === 'TOMLValue' && value.kind === 'string') {
    node.quote = value.style === 'literal' ? "'" : '"';
  }
  return node;
}

/** Nesting deeper than MAX_TOML_DEPTH, or a string, key or number longer than MAX_TOML_TOKEN, as a problem; comments are skipped. */
function beyondLimits(text: string): ParseProblem | undefined {
  const tooLong = (start: number, end: number): ParseProblem | undefined =>
    end - start > MAX_TOML_TOKEN
      ? { message: `This TOML value is ${(end - start).toLocaleString('en-US')} characters long; Chokepoint reads strings, keys and numbers of up to ${MAX_TOML_TOKEN.toLocaleString('en-US')}.`, span: { start, end } }
      : undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      i = text.indexOf('\n', i);
      if (i === -1) return undefined;
    } else if (c === '"' || c === "'") {
      const start = i;
      const triple = c.repeat(3);
      if (text.startsWith(triple, i)) {
        const end = text.indexOf(triple, i + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        let j = i + 1;
        while (j < text.length && text[j] !== c && text[j] !== '\n') j += c === '"' && text[j] === '\\' ? 2 : 1;
        i = j;
      }
      const problem = tooLong(start, Math.min(i + 1, text.length));
      if (problem) return problem;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_TOML_DEPTH) {
        return { message: `The TOML is nested more than ${MAX_TOML_DEPTH} levels deep here; Chokepoint does not read it.`, span: { start: i, end: i + 1 } };
      }
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    } else if (/[\w+.:-]/.test(c)) {
      // A bare key, number or date: toml-eslint-parser reads each with the same spread.
      let j = i + 1;
      while (j < text.length && /[\w+.:-]/.test(text[j])) j++;
      const problem = tooLong(i, j);
      if (problem) return problem;
      i = j - 1;
    }
  }
  return undefined;
}
