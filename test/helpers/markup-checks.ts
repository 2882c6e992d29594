/**
 * What an output must not hold once a config's strings are in it (issue 16): a raw control or bidi
 * character, a line that starts a GitHub Actions workflow command, markup that renders (an image, a
 * link, HTML, an autolink, a mention), or a resource from anywhere. Each check returns the problems
 * it finds, so a failing test shows them.
 */
import { showDocumentationLink } from '../../client/src/doc-links';
import { SOURCES } from '../../server/src/engine/data/sources';
import { ALL_RULE_METAS } from '../../server/src/engine/rules/index';
import { linkProblem } from './links';

/** Line feeds separate lines; no other C0 control (a carriage return included), DEL, C1, bidi control or line separator may appear. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Half a surrogate pair: a string cut inside a character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Raw control characters and cut characters in `text`, each with a little context. */
export function rawCharacterProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [name, pattern] of [['raw control character', RAW_CONTROL], ['lone surrogate', LONE_SURROGATE]] as const) {
    const found = new RegExp(pattern.source, 'g').exec(text);
    if (found) problems.push(`${name} U+${found[0].charCodeAt(0).toString(16).toUpperCase()} in ${JSON.stringify(text.slice(Math.max(0, found.index - 30), found.index + 30))}`);
  }
  return problems;
}

/** Lines GitHub Actions would read as a workflow command. */
export function workflowCommandLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*::/.test(line));
}

/**
 * A link target our outputs may render: a page of the project's or a cited source (helpers/links.ts),
 * or the editor's command that opens a rule's page offline (client/src/doc-links.ts).
 */
export function isOurUrl(url: string): boolean {
  if (url.startsWith('command:')) return ALL_RULE_METAS.some((meta) => showDocumentationLink(meta.id) === url);
  return Object.values(SOURCES).some((source) => source.url === url) || (url.startsWith('https://') && linkProblem(url) === undefined);
}

/** Matches of `pattern` whose first character no backslash escapes (an even number of backslashes before it). */
function unescaped(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
    let backslashes = 0;
    for (let i = match.index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 0) found.push(match as RegExpExecArray);
  }
  return found;
}

/** Square brackets no backslash escapes: in SARIF's plain text `[text](target)` is an embedded link (§3.11.6). */
export function embeddedLinkProblems(text: string): string[] {
  return unescaped(text, /[[\]]/).map((match) => `unescaped bracket at ${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 40))}`);
}

/**
 * A line with its code spans taken out (their content is literal), as CommonMark reads them: an
 * unescaped run of backticks opens a span that the next run of the same length closes. A run left
 * open is a problem: a config's backtick that opens a span could swallow the markup around it.
 */
function withoutCodeSpans(line: string, problems: string[]): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    const run = /^`+/.exec(line.slice(i))![0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const end = close.exec(line);
    if (!end) {
      problems.push(`unclosed code span ${JSON.stringify(line.slice(i, i + 60))}`);
      out += line.slice(i);
      break;
    }
    out += ' ';
    i = end.index + run.length;
  }
  return out;
}

/**
 * Markup in GitHub-flavoured Markdown (a hover, a report, a SARIF message's markdown) that a config's
 * string could have put there: images, links but to our own pages, HTML but `allowedTags`,
 * autolinks (`<…>`, a bare URL or www. name, an e-mail address), mentions, issue references and entities.
 */
export function markdownProblems(markdown: string, allowedTags: string[] = []): string[] {
  const problems = rawCharacterProblems(markdown);
  // A table's rows have as many cell boundaries as its header: a config's `|` would add one.
  let cells: number | undefined;
  for (const raw of markdown.split('\n')) {
    const pipes = raw.startsWith('|') ? unescaped(raw, /\|/).length : undefined;
    if (pipes !== undefined && cells !== undefined && pipes !== cells) problems.push(`table row of ${pipes - 1} cells under a header of ${cells - 1}: ${JSON.stringify(raw.slice(0, 80))}`);
    cells = pipes === undefined ? undefined : (cells ?? pipes);
    let line = withoutCodeSpans(raw, problems);
    for (const match of unescaped(line, /!\[/)) problems.push(`image at ${JSON.stringify(line.slice(match.index, match.index + 60))}`);
    for (const match of unescaped(line, /\]\(([^)\s]*)\)/)) {
      if (!isOurUrl(match[1])) problems.push(`link to ${JSON.stringify(match[1])}`);
    }
    // What follows is about text: our own links' targets are no bare URLs.
    line = line.replace(/\]\(([^)\s]*)\)/g, (whole, url: string) => (isOurUrl(url) ? '](our-page)' : whole));
    for (const match of unescaped(line, /<\/?([A-Za-z][\w-]*)?/)) {
      if (!allowedTags.includes(match[1] ?? '')) problems.push(`HTML or autolink ${JSON.stringify(line.slice(match.index, match.index + 60))}`);
    }
    for (const [name, pattern] of [
      ['bare URL', /:\/\//],
      ['www. autolink', /\bwww\./i],
      ['e-mail autolink or mention', /@\w/],
      ['issue reference', /#\d/],
      ['HTML entity', /&#?\w+;/],
    ] as const) {
      for (const match of unescaped(line, pattern)) problems.push(`${name} at ${JSON.stringify(line.slice(Math.max(0, match.index - 20), match.index + 40))}`);
    }
  }
  return problems;
}

/** The elements our pages are made of: the report's HTML and its inline SVG. */
const PAGE_ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'span', 'strong', 'em', 'code', 'br', 'a', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'svg', 'g', 'path', 'rect', 'circle', 'text', 'line', 'polyline', 'polygon']);

/**
 * Markup in an HTML page that a config's string could have put there: an element we never write
 * (img, script, iframe…), an event handler, a style attribute, a link but to our own pages, and a
 * script but `scripts` (the webview's own, with its nonce).
 */
export function htmlProblems(page: string, scripts: { src: string; nonce: string }[] = []): string[] {
  const problems = rawCharacterProblems(page);
  for (const [tag, name, attributes] of page.matchAll(/<([A-Za-z][\w-]*)([^>]*)>/g)) {
    const element = name.toLowerCase();
    if (element === 'script') {
      if (!scripts.some((s) => tag === `<script nonce="${s.nonce}" src="${s.src}">`)) problems.push(`script ${tag.slice(0, 120)}`);
      continue;
    }
    if (!PAGE_ELEMENTS.has(element)) problems.push(`element ${tag.slice(0, 120)}`);
    // Attributes as a browser reads them: a name, then a value in double quotes (ours), in single quotes or bare.
    const rest = attributes.replace(/\s([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?/g, (_, attribute: string, quotedValue: string | undefined) => {
      const value = (quotedValue ?? '').replace(/^["']|["']$/g, '').replace(/&#(\d+);/g, (__, code: string) => String.fromCharCode(Number(code)));
      if (/^on/i.test(attribute)) problems.push(`event handler ${attribute} in ${tag.slice(0, 120)}`);
      if (/^(style|src|srcset|background|formaction|action)$/i.test(attribute)) problems.push(`${attribute} attribute in ${tag.slice(0, 120)}`);
      if (/^href$/i.test(attribute) && !isOurUrl(value)) problems.push(`link to ${JSON.stringify(value)}`);
      return '';
    });
    if (rest.trim() !== '' && rest.trim() !== '/') problems.push(`unreadable attributes ${JSON.stringify(rest.slice(0, 80))} in ${tag.slice(0, 120)}`);
  }
  return problems;
}
