/**
 * A small TextMate tokenizer for testing our grammars without vscode-textmate: `match` and
 * `begin`/`end` rules, `captures` (named, or tokenized again with `patterns`, for groups that do
 * not nest), `name` and `contentName`, `include` of `#repository` entries and `$self`, and
 * injections whose selector is `L:` followed by one scope prefix. Regular expressions run as
 * JavaScript ones, so a grammar under test must keep to the syntax both engines share (see
 * `onigurumaOnly`). A rule is chosen as TextMate chooses it: the earliest match on the line, then
 * the end pattern of the enclosing rule, then injections, then pattern order.
 */
export interface RawRule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  contentName?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: RawRule[];
  repository?: Record<string, RawRule>;
}
type Captures = Record<string, { name?: string; patterns?: RawRule[] }>;

export interface RawGrammar extends RawRule {
  scopeName: string;
  injectionSelector?: string;
}

export interface Token {
  text: string;
  scopes: string[];
}

/** Every regular expression source of a grammar, with where it is. */
export function regexSources(grammar: RawGrammar): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  const visit = (rule: RawRule | undefined, where: string) => {
    if (!rule) return;
    for (const key of ['match', 'begin', 'end'] as const) if (rule[key] !== undefined) out.push({ where: `${where}.${key}`, source: rule[key]! });
    rule.patterns?.forEach((p, i) => visit(p, `${where}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [group, capture] of Object.entries(rule[key] ?? {})) capture.patterns?.forEach((p, i) => visit(p, `${where}.${key}.${group}[${i}]`));
    }
    for (const [name, entry] of Object.entries(rule.repository ?? {})) visit(entry, `${where}.repository.${name}`);
  };
  visit(grammar, grammar.scopeName);
  return out;
}

/** Constructs Oniguruma reads differently from JavaScript, or JavaScript rejects: a grammar that works in both avoids them. */
export function onigurumaOnly(source: string): string | undefined {
  const checks: [RegExp, string][] = [
    [/\\[GAzZhHK]/, 'an Oniguruma-only escape (\\G, \\A, \\z, \\Z, \\h, \\H, \\K)'],
    [/\(\?>/, 'an atomic group'],
    [/\(\?[imx]+[-:)]/, 'inline flags'],
    [/[*+?}][+]/, 'a possessive quantifier'],
    [/\[\[:/, 'a POSIX bracket'],
    [/\\p\{/, 'a Unicode property (JavaScript needs the u flag)'],
  ];
  return checks.find(([pattern]) => pattern.test(source))?.[1];
}

interface Frame {
  rule: RawRule;
  /** Scopes of the rule's begin and end. */
  outer: string[];
  /** Scopes of its content (with contentName). */
  inner: string[];
  end: RegExp;
}

interface Candidate {
  rule: RawRule;
  regex: RegExp;
  kind: 'match' | 'begin' | 'end';
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source, 'dg')));
  return r;
}

export class Tokenizer {
  constructor(
    private readonly grammar: RawGrammar,
    private readonly injections: RawGrammar[] = [],
  ) {}

  /** Tokens of each line, the state carried from line to line as an editor does. */
  tokenize(text: string): Token[][] {
    const stack: Frame[] = [];
    return text.split(/\r?\n/).map((line) => this.line(line, stack));
  }

  private line(line: string, stack: Frame[]): Token[] {
    const tokens: Token[] = [];
    const scopes = () => (stack.length > 0 ? stack[stack.length - 1].inner : [this.grammar.scopeName]);
    const emit = (text: string, scopeList: string[]) => {
      if (text) tokens.push({ text, scopes: scopeList });
    };
    let pos = 0;
    while (pos < line.length) {
      const top = stack[stack.length - 1];
      const candidates: Candidate[] = [];
      if (top) candidates.push({ rule: top.rule, regex: top.end, kind: 'end' });
      for (const injection of this.injections) {
        const prefix = injection.injectionSelector?.replace(/^L:/, '') ?? '';
        if (scopes().some((s) => s === prefix || s.startsWith(`${prefix}.`))) candidates.push(...this.candidates(injection.patterns ?? [], injection));
      }
      candidates.push(...this.candidates(top ? top.rule.patterns ?? [] : this.grammar.patterns ?? [], this.grammar));
      let best: { candidate: Candidate; match: RegExpExecArray } | undefined;
      for (const candidate of candidates) {
        candidate.regex.lastIndex = pos;
        const match = candidate.regex.exec(line);
        if (match && (!best || match.index < best.match.index)) best = { candidate, match };
      }
      if (!best) break;
      const { candidate, match } = best;
      emit(line.slice(pos, match.index), scopes());
      const end = match.index + match[0].length;
      if (candidate.kind === 'end') {
        const frame = stack.pop()!;
        this.captured(match, frame.rule.endCaptures ?? frame.rule.captures, frame.outer, tokens);
      } else if (candidate.kind === 'match') {
        this.captured(match, candidate.rule.captures, withName(scopes(), candidate.rule.name), tokens);
        if (end === match.index) {
          emit(line[pos], scopes());
          pos++;
          continue;
        }
      } else {
        const outer = withName(scopes(), candidate.rule.name);
        this.captured(match, candidate.rule.beginCaptures ?? candidate.rule.captures, outer, tokens);
        stack.push({ rule: candidate.rule, outer, inner: withName(outer, candidate.rule.contentName), end: regex(candidate.rule.end!) });
      }
      pos = end;
    }
    emit(line.slice(pos), scopes());
    // Rules that end at the end of the line (`$`) close there.
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      top.end.lastIndex = line.length;
      const match = top.end.exec(line);
      if (!match || match.index !== line.length) break;
      stack.pop();
    }
    return tokens;
  }

  private candidates(patterns: RawRule[], grammar: RawGrammar): Candidate[] {
    return patterns.flatMap((rule) => {
      if (rule.include) {
        const target = rule.include === '$self' ? grammar : grammar.repository?.[rule.include.slice(1)];
        if (!target) throw new Error(`Unknown include ${rule.include} in ${grammar.scopeName}`);
        return target.match || target.begin ? this.candidates([target], grammar) : this.candidates(target.patterns ?? [], grammar);
      }
      if (rule.match !== undefined) return [{ rule, regex: regex(rule.match), kind: 'match' as const }];
      if (rule.begin !== undefined) return [{ rule, regex: regex(rule.begin), kind: 'begin' as const }];
      return this.candidates(rule.patterns ?? [], grammar);
    });
  }

  /** The tokens of a match: capture 0's name over all, each group's name or patterns over its text. */
  private captured(match: RegExpExecArray, captures: Captures | undefined, base: string[], tokens: Token[]): void {
    const whole = withName(base, captures?.['0']?.name);
    const start = match.index;
    const text = match[0];
    const groups = Object.keys(captures ?? {})
      .map(Number)
      .filter((g) => g > 0 && match.indices?.[g])
      .map((g) => ({ g, range: match.indices![g]!, capture: captures![g] }))
      .sort((a, b) => a.range[0] - b.range[0]);
    let at = start;
    for (const { range, capture } of groups) {
      if (range[0] < at) continue;
      if (range[0] > at) tokens.push({ text: text.slice(at - start, range[0] - start), scopes: whole });
      const inside = text.slice(range[0] - start, range[1] - start);
      const scoped = withName(whole, capture.name);
      if (capture.patterns) tokens.push(...new Tokenizer({ ...this.grammar, patterns: capture.patterns }, this.injections).line(inside, []).map((t) => ({ text: t.text, scopes: [...scoped, ...t.scopes.slice(1)] })));
      else if (inside) tokens.push({ text: inside, scopes: scoped });
      at = range[1];
    }
    if (at < start + text.length) tokens.push({ text: text.slice(at - start), scopes: whole });
  }
}

function withName(scopes: string[], name: string | undefined): string[] {
  return name ? [...scopes, ...name.split(/\s+/)] : scopes;
}
