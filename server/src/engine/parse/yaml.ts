import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, YAMLParseError, type CST, type Document, type Node as YamlNode } from 'yaml';
import type { SourceNode } from './source-tree';
import type { Comment, ParseProblem } from './types';

type Token = CST.Token;

export interface YamlResult {
  value: unknown;
  tree: SourceNode | undefined;
  problems: ParseProblem[];
  comments: Comment[];
}

/** Alias expansion above this many nodes is refused, so an alias bomb cannot exhaust memory. */
const MAX_ALIAS_COUNT = 10_000;

/**
 * Nesting deeper than this is refused before the document is composed. The yaml package composes
 * recursively and runs out of stack near 800 levels; an overflow that lands while V8 compiles a
 * regular expression kills the process instead of throwing, so the limit stays well below that.
 */
export const MAX_YAML_DEPTH = 256;

export function parseYaml(text: string): YamlResult {
  const tokens = [...new Parser().parse(text)];
  const { comments, tooDeep } = walkTokens(tokens, MAX_YAML_DEPTH);
  if (tooDeep !== undefined) {
    const start = Math.min(tooDeep, text.length);
    const message = `The YAML is nested more than ${MAX_YAML_DEPTH} levels deep here; Chokepoint does not read it.`;
    return { value: undefined, tree: undefined, problems: [{ message, span: { start, end: Math.min(start + 1, text.length) } }], comments };
  }
  const problems: ParseProblem[] = [];
  const doc = firstDocument(tokens, text.length);
  for (const error of [...doc.errors, ...doc.warnings]) {
    const start = Math.min(error.pos[0], text.length);
    problems.push({ message: error.message.split('\n')[0], span: { start, end: Math.min(Math.max(error.pos[1], start), text.length) } });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push({ message: `The YAML could not be read: ${(error as Error).message}`, span: { start: 0, end: 0 } });
  }
  return { value, tree: doc.contents ? toSourceNode(doc.contents as YamlNode, problems) : undefined, problems, comments };
}

/**
 * The first document composed from the tokens already read for the comments (what the yaml package's
 * parseDocument gives, without lexing the text a second time). A second document is an error that
 * says what Chokepoint does with it: it reads the first (and its fixes and directives go there).
 */
function firstDocument(tokens: Token[], length: number): Document.Parsed {
  // logLevel 'error': the yaml package would otherwise print warnings (e.g. a collection used as a key) on stderr.
  // uniqueKeys off: the yaml package compares every key with every other (minutes for a mapping of 80,000 keys); toSourceNode finds repeats with a set.
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error' });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, length)) {
    if (!first) first = doc;
    else {
      first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'This file holds more than one YAML document (a second `---`); Chokepoint reads only the first.'));
      break;
    }
  }
  return first!;
}

/** Walks the YAML tree with an explicit stack, so deep nesting cannot overflow the call stack. */
function toSourceNode(root: YamlNode, problems: ParseProblem[]): SourceNode {
  const top = sourceNode(root);
  const pending: [YamlNode, SourceNode][] = [[root, top]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [node, result] = item;
    if (isMap(node)) {
      result.children = new Map();
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const keyRange = pair.key.range ?? [0, 0];
        const child = pair.value ? sourceNode(pair.value as YamlNode) : { value: { start: keyRange[1], end: keyRange[1] } };
        child.key = { start: keyRange[0], end: keyRange[1] };
        const name = String(pair.key.value);
        if (result.children.has(name)) problems.push({ message: `Map keys must be unique: "${name.slice(0, 64)}" is written more than once.`, span: child.key });
        result.children.set(name, child);
        if (pair.value) pending.push([pair.value as YamlNode, child]);
      }
    } else if (isSeq(node)) {
      result.children = new Map();
      node.items.forEach((item, index) => {
        if (item && (isMap(item) || isSeq(item) || isScalar(item) || isAlias(item))) {
          const child = sourceNode(item as YamlNode);
          result.children!.set(index, child);
          pending.push([item as YamlNode, child]);
        }
      });
    }
  }
  return top;
}

function sourceNode(node: YamlNode): SourceNode {
  const [start, end] = node.range ?? [0, 0];
  const result: SourceNode = { value: { start, end } };
  if (isScalar(node)) result.quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
  return result;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * One walk of the concrete syntax tree, with explicit stacks (deep nesting cannot overflow the call
 * stack) and no array built per node: its comments (so a `#` inside a string or block scalar is not
 * one), and the offset of the first collection nested deeper than `limit`.
 */
function walkTokens(tokens: unknown[], limit: number): { comments: Comment[]; tooDeep?: number } {
  const comments: Comment[] = [];
  const pending: unknown[] = [];
  const depths: number[] = [];
  let tooDeep: number | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    pending.push(tokens[i]);
    depths.push(0);
  }
  while (pending.length > 0) {
    const token = pending.pop();
    const outer = depths.pop()!;
    if (Array.isArray(token)) {
      for (let i = token.length - 1; i >= 0; i--) {
        pending.push(token[i]);
        depths.push(outer);
      }
      continue;
    }
    if (!token || typeof token !== 'object') continue;
    const record = token as Record<string, unknown>;
    if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
      comments.push({ text: record.source.slice(1), span: { start: record.offset, end: record.offset + record.source.length } });
      continue;
    }
    const depth = COLLECTIONS.has(record.type as string) ? outer + 1 : outer;
    if (depth > limit && tooDeep === undefined) tooDeep = typeof record.offset === 'number' ? record.offset : 0;
    for (const key in record) {
      const child = record[key];
      if (key !== 'source' && child && typeof child === 'object') {
        pending.push(child);
        depths.push(depth);
      }
    }
  }
  return { comments: comments.sort((a, b) => a.span.start - b.span.start), ...(tooDeep !== undefined ? { tooDeep } : {}) };
}

/** Whether the text nests deeper than MAX_YAML_DEPTH, which `parseDocument` must not be given. */
export function yamlNestedTooDeep(text: string): boolean {
  return walkTokens([...new Parser().parse(text)], MAX_YAML_DEPTH).tooDeep !== undefined;
}
