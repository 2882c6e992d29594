import type { Span } from '../text/positions';
import { defineEntry } from './define';
import type { SourceNode } from './source-tree';
import type { Comment, ParseProblem } from './types';
import { lookupTable } from '../text/lookup';

type TokenKind = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'number' | 'literal' | 'invalid' | 'eof';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

interface Frame {
  kind: 'object' | 'array';
  node: SourceNode;
  value: Record<string, unknown> | unknown[];
  /** For objects: the key waiting for its value. */
  key?: { name: string; span: Span };
  /** True once an entry was read and a comma or the closing bracket is due. */
  afterEntry: boolean;
}

export interface JsoncResult {
  value: unknown;
  tree: SourceNode | undefined;
  problems: ParseProblem[];
  comments: Comment[];
}

const spanOf = (token: Token): Span => ({ start: token.start, end: token.end });

const LITERALS = lookupTable<unknown>({ true: true, false: false, null: null });

/**
 * A tolerant JSON-with-comments parser: it reads comments and trailing commas, reports every
 * problem with its span, recovers where it can, and keeps going. It uses an explicit stack, so
 * deep nesting cannot overflow the call stack.
 */
export function parseJsonc(text: string): JsoncResult {
  const problems: ParseProblem[] = [];
  const comments: Comment[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const next = (): Token => {
    for (;;) {
      while (pos < text.length) {
        const c = text.charCodeAt(pos);
        if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
        else break;
      }
      if (text.startsWith('//', pos)) {
        let end = text.indexOf('\n', pos);
        if (end === -1) end = text.length;
        comments.push({ text: text.slice(pos + 2, end).replace(/\r$/, ''), span: { start: pos, end } });
        pos = end;
        continue;
      }
      if (text.startsWith('/*', pos)) {
        let end = text.indexOf('*/', pos + 2);
        if (end === -1) {
          problems.push({ message: 'Unterminated block comment.', span: { start: pos, end: text.length } });
          end = text.length;
        } else end += 2;
        comments.push({ text: text.slice(pos + 2, Math.max(pos + 2, end - 2)), span: { start: pos, end } });
        pos = end;
        continue;
      }
      break;
    }
    const start = pos;
    if (pos >= text.length) return { kind: 'eof', start, end: start };
    const c = text[pos];
    if ('{}[]:,'.includes(c)) {
      pos++;
      return { kind: c as TokenKind, start, end: pos };
    }
    if (c === '"') {
      pos++;
      while (pos < text.length) {
        const ch = text.charCodeAt(pos);
        if (ch === 92) pos += 2;
        else if (ch === 34) { pos++; return { kind: 'string', start, end: pos }; }
        else if (ch === 10) break;
        else pos++;
      }
      problems.push({ message: 'Unterminated string.', span: { start, end: Math.min(pos, text.length) } });
      return { kind: 'string', start, end: Math.min(pos, text.length) };
    }
    const word = /^[^\s{}[\]:,"/]+/.exec(text.slice(pos, pos + 512));
    pos += word ? word[0].length : 1;
    const raw = text.slice(start, pos);
    if (raw in LITERALS) return { kind: 'literal', start, end: pos };
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return { kind: 'number', start, end: pos };
    return { kind: 'invalid', start, end: pos };
  };

  const stringValue = (token: Token): string => {
    const raw = text.slice(token.start, token.end);
    try {
      return JSON.parse(raw) as string;
    } catch {
      if (raw.length > 1 && raw.endsWith('"')) {
        problems.push({ message: 'Invalid escape sequence in string.', span: spanOf(token) });
      }
      return raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
    }
  };

  const scalar = (token: Token): unknown => {
    if (token.kind === 'string') return stringValue(token);
    if (token.kind === 'number') return Number(text.slice(token.start, token.end));
    return LITERALS[text.slice(token.start, token.end)];
  };

  const stack: Frame[] = [];
  let rootValue: unknown;
  let rootNode: SourceNode | undefined;
  let done = false;

  const attach = (value: unknown, node: SourceNode): void => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      rootValue = value;
      rootNode = node;
      done = true;
      return;
    }
    frame.node.children ??= new Map();
    if (frame.kind === 'array') {
      const list = frame.value as unknown[];
      frame.node.children.set(list.length, node);
      list.push(value);
    } else if (frame.key) {
      node.key = frame.key.span;
      const earlier = frame.node.children.get(frame.key.name);
      if (earlier?.key) {
        frame.node.repeated ??= new Map();
        const list = frame.node.repeated.get(frame.key.name) ?? [{ key: earlier.key, value: earlier.value }];
        list.push({ key: node.key, value: node.value });
        frame.node.repeated.set(frame.key.name, list);
      }
      frame.node.children.set(frame.key.name, node);
      defineEntry(frame.value as Record<string, unknown>, frame.key.name, value);
      frame.key = undefined;
    }
    frame.afterEntry = true;
  };

  const close = (end: number): void => {
    const frame = stack.pop()!;
    frame.node.value.end = end;
    attach(frame.value, frame.node);
  };

  const open = (token: Token): void => {
    const kind = token.kind === '{' ? 'object' : 'array';
    stack.push({
      kind,
      node: { value: { start: token.start, end: token.end } },
      value: kind === 'object' ? {} : [],
      afterEntry: false,
    });
  };

  for (let token = next(); token.kind !== 'eof'; token = next()) {
    if (done) {
      problems.push({ message: 'Unexpected content after the end of the document.', span: spanOf(token) });
      break;
    }
    const frame = stack[stack.length - 1];
    const expectValue = !frame || frame.kind === 'array' ? !frame?.afterEntry : frame.key !== undefined;

    if (frame?.kind === 'object' && frame.key === undefined) {
      if (token.kind === '}') { close(token.end); continue; }
      if (token.kind === ']' && stack.length > 1) {
        problems.push({ message: 'Expected a closing brace before this bracket.', span: spanOf(token) });
        close(token.start);
        pos = token.start;
        continue;
      }
      if (frame.afterEntry) {
        if (token.kind === ',') { frame.afterEntry = false; continue; }
        problems.push({ message: 'Expected a comma or a closing brace.', span: spanOf(token) });
        if (token.kind !== 'string') continue;
      }
      if (token.kind === 'string') {
        const name = stringValue(token);
        const colon = next();
        if (colon.kind !== ':') {
          problems.push({ message: `Expected a colon after the key "${name}".`, span: spanOf(colon.kind === 'eof' ? token : colon) });
          pos = colon.start;
        }
        frame.key = { name, span: { start: token.start, end: token.end } };
        continue;
      }
      problems.push({ message: 'Expected a property name in double quotes.', span: spanOf(token) });
      continue;
    }

    if (frame?.kind === 'array' && frame.afterEntry) {
      if (token.kind === ',') { frame.afterEntry = false; continue; }
      if (token.kind === ']') { close(token.end); continue; }
      problems.push({ message: 'Expected a comma or a closing bracket.', span: spanOf(token) });
      if (token.kind === '}' && stack.length > 1) {
        close(token.start);
        pos = token.start;
        continue;
      }
      frame.afterEntry = false;
    }

    if (expectValue || frame?.kind === 'array') {
      if (token.kind === '{' || token.kind === '[') { open(token); continue; }
      if (token.kind === ']' && frame?.kind === 'array') { close(token.end); continue; }
      if (token.kind === 'string' || token.kind === 'number' || token.kind === 'literal') {
        attach(scalar(token), { value: { start: token.start, end: token.end }, quote: token.kind === 'string' ? '"' : '' });
        continue;
      }
      problems.push({ message: token.kind === 'invalid' ? `Unexpected "${text.slice(token.start, token.end).slice(0, 40)}".` : `Expected a value, found "${token.kind}".`, span: spanOf(token) });
      if (frame?.kind === 'object' && frame.key) {
        frame.key = undefined;
        frame.afterEntry = true;
        if (token.kind === '}') close(token.end);
      }
    }
  }

  if (stack.length > 0) {
    problems.push({ message: 'Unexpected end of file: a bracket or brace is not closed.', span: { start: text.length, end: text.length } });
    while (stack.length > 0) close(text.length);
  } else if (!done) {
    problems.push({ message: 'The file is empty: it holds no JSON value.', span: { start: 0, end: text.length } });
  }
  return { value: rootValue, tree: rootNode, problems, comments };
}
