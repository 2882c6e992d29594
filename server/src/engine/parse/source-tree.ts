import type { Span } from '../text/positions';
import { EmbeddedJson } from './json-locator';
import type { DuplicateKey, Located, Path, ScalarStyle } from './types';

/** A node of a source-position tree, built eagerly by the YAML, TOML and tolerant JSON parsers. */
export interface SourceNode {
  value: Span;
  key?: Span;
  quote?: ScalarStyle['quote'];
  children?: Map<string | number, SourceNode>;
  /** Keys written more than once in this object (JSONC), with every occurrence; `children` holds the last. */
  repeated?: Map<string, { key: Span; value: Span }[]>;
}

const embedded = new WeakMap<SourceNode, EmbeddedJson | null>();

/** JSON held in a quoted string scalar, when `text` is given and the scalar holds some. */
function embeddedIn(node: SourceNode, text: string | undefined): EmbeddedJson | undefined {
  if (text === undefined || node.children || (node.quote !== '"' && node.quote !== "'")) return undefined;
  let found = embedded.get(node);
  if (found === undefined) {
    found = EmbeddedJson.at(text, node.value) ?? null;
    embedded.set(node, found);
  }
  return found ?? undefined;
}

/** The span at `path`; with the source `text`, a path that continues into a quoted string holding JSON is located inside it. */
export function locateInTree(root: SourceNode | undefined, path: Path, text?: string): Located | undefined {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    if (!node) return undefined;
    const child = node.children?.get(path[i]);
    if (!child) return embeddedIn(node, text)?.locate(path.slice(i));
    node = child;
  }
  return node ? { key: node.key, value: node.value } : undefined;
}

export function styleInTree(root: SourceNode | undefined, path: Path, text?: string): ScalarStyle {
  let node = root;
  for (let i = 0; i < path.length && node; i++) {
    const child = node.children?.get(path[i]);
    if (!child) {
      const inner = embeddedIn(node, text);
      return inner ? inner.style(path.slice(i)) : { quote: '' };
    }
    node = child;
  }
  return { quote: node?.quote ?? '' };
}

export function duplicatesInTree(root: SourceNode | undefined, path: Path): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  let node = root;
  for (const step of path) {
    if (!node) break;
    const occurrences = node.repeated?.get(String(step));
    if (occurrences) found.push({ name: String(step), occurrences });
    node = node.children?.get(step);
  }
  return found;
}
