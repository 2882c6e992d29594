import type { Span } from '../text/positions';
import type { Located, Path, ScalarStyle } from './types';

/** A node of a source-position tree, built eagerly by the YAML, TOML and tolerant JSON parsers. */
export interface SourceNode {
  value: Span;
  key?: Span;
  quote?: ScalarStyle['quote'];
  children?: Map<string | number, SourceNode>;
}

export function locateInTree(root: SourceNode | undefined, path: Path): Located | undefined {
  let node = root;
  for (const step of path) {
    node = node?.children?.get(step);
    if (!node) return undefined;
  }
  return node ? { key: node.key, value: node.value } : undefined;
}

export function styleInTree(root: SourceNode | undefined, path: Path): ScalarStyle {
  let node = root;
  for (const step of path) node = node?.children?.get(step);
  return { quote: node?.quote ?? '' };
}
