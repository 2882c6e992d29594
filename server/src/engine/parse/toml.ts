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

/** Never throws: a syntax error, or nesting too deep to read, is one problem with a span. */
export function parseToml(text: string): TomlResult {
  try {
    return readToml(text, parseTOML(text));
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
