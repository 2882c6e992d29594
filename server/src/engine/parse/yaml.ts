import { isAlias, isMap, isPair, isScalar, isSeq, Parser, parseDocument, type Node as YamlNode } from 'yaml';
import type { SourceNode } from './source-tree';
import type { Comment, ParseProblem } from './types';

export interface YamlResult {
  value: unknown;
  tree: SourceNode | undefined;
  problems: ParseProblem[];
  comments: Comment[];
}

/** Alias expansion above this many nodes is refused, so an alias bomb cannot exhaust memory. */
const MAX_ALIAS_COUNT = 10_000;

export function parseYaml(text: string): YamlResult {
  const problems: ParseProblem[] = [];
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: false });
  for (const error of [...doc.errors, ...doc.warnings]) {
    problems.push({ message: error.message.split('\n')[0], span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) } });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push({ message: `The YAML could not be read: ${(error as Error).message}`, span: { start: 0, end: 0 } });
  }
  return { value, tree: doc.contents ? toSourceNode(doc.contents as YamlNode) : undefined, problems, comments: yamlComments(text) };
}

function toSourceNode(node: YamlNode): SourceNode {
  const [start, end] = node.range ?? [0, 0];
  const result: SourceNode = { value: { start, end } };
  if (isMap(node)) {
    result.children = new Map();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyRange = pair.key.range ?? [0, 0];
      const child = pair.value ? toSourceNode(pair.value as YamlNode) : { value: { start: keyRange[1], end: keyRange[1] } };
      child.key = { start: keyRange[0], end: keyRange[1] };
      result.children.set(String(pair.key.value), child);
    }
  } else if (isSeq(node)) {
    result.children = new Map();
    node.items.forEach((item, index) => {
      if (item && (isMap(item) || isSeq(item) || isScalar(item) || isAlias(item))) {
        result.children!.set(index, toSourceNode(item as YamlNode));
      }
    });
  } else if (isScalar(node)) {
    result.quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
    const [, valueEnd] = node.range ?? [0, 0];
    result.value = { start, end: valueEnd };
  }
  return result;
}

/** Comments come from the concrete syntax tree, so a `#` inside a string or block scalar is not one. */
function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const item of token) visit(item);
    } else if (token && typeof token === 'object') {
      const record = token as Record<string, unknown>;
      if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
        comments.push({ text: record.source.slice(1), span: { start: record.offset, end: record.offset + record.source.length } });
        return;
      }
      for (const [key, child] of Object.entries(record)) if (key !== 'source') visit(child);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return comments.sort((a, b) => a.span.start - b.span.start);
}
