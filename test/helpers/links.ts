/**
 * Where Chokepoint's outputs may link, and a check of every URL in a text against it. Allowed:
 *
 * - the project's own pages: the repository package.json names (`repository.url`, through
 *   `server/src/engine/project-links.ts`), and a file there (`blob/HEAD/…`, `raw/HEAD/…`) only if
 *   this repository holds it;
 * - a source the rules cite (`SOURCES`, server/src/engine/data/sources.ts: the specs, code and
 *   papers behind a rule), written exactly as listed there;
 * - `FORMAT_IDENTIFIERS`: names a file format requires, which nothing fetches;
 * - a URL the linted files themselves hold (an endpoint, a model reference), quoted as data where a
 *   message or the report names a value; the caller passes them (`urlsIn` of the inputs).
 *
 * Anything else, an invented domain included, is reported.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES } from '../../server/src/engine/data/sources';
import { REPOSITORY_URL } from '../../server/src/engine/project-links';
import { REPO } from './cli-run';

/** SARIF's `$schema`, the JSON Schema draft the generated schemas declare, and SVG's XML namespace. */
export const FORMAT_IDENTIFIERS = ['https://json.schemastore.org/sarif-2.1.0.json', 'http://json-schema.org/draft-07/schema#', 'http://www.w3.org/2000/svg'];

const SOURCE_URLS = Object.values(SOURCES).map((s) => s.url).sort((a, b) => b.length - a.length);

/** A repository file's path in a link to it (`…/blob/HEAD/docs/x.md#part` → `docs/x.md`), or undefined. */
export function repositoryPath(url: string): string | undefined {
  const match = new RegExp(`^${REPOSITORY_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:blob|raw)/HEAD/([^?#]+)`).exec(url);
  return match ? decodeURIComponent(new URL(match[1], 'file:///').pathname.slice(1)) : undefined;
}

/** Why `url` may not appear in an output; undefined when it may. */
export function linkProblem(url: string): string | undefined {
  if (FORMAT_IDENTIFIERS.includes(url)) return undefined;
  if (url === REPOSITORY_URL || url.startsWith(`${REPOSITORY_URL}/`) || url.startsWith(`${REPOSITORY_URL}#`)) {
    const path = repositoryPath(url);
    if (/\/(blob|raw)\//.test(url.slice(REPOSITORY_URL.length)) && path === undefined) return `${url} names a file of the repository but not on HEAD`;
    return path === undefined || existsSync(join(REPO, path)) ? undefined : `${url} names ${path}, which this repository does not hold`;
  }
  return `${url} is neither the project's repository (${REPOSITORY_URL}) nor a source the rules cite`;
}

const URL_PATTERN = /\bhttps?:\/\/[a-z0-9][^\s"'<>()[\]`\\|]*/gi;

/**
 * Every web address (http or https: what a reader can follow) written in `text`, without the
 * punctuation of the sentence around it. A placeholder such as `https://…` names no host and is no link.
 */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((m) => m[0].replace(/[.,;:!?*_]+$/, ''));
}

/**
 * What is wrong with each URL written in `text`; `quoted` are the URLs of the linted files. Sources
 * are taken out first, as written, so a URL with parentheses is never cut.
 */
export function linkProblems(text: string, quoted: Iterable<string> = []): string[] {
  let rest = text;
  for (const url of SOURCE_URLS) rest = rest.split(url).join(' ');
  const data = new Set(quoted);
  return [...new Set(urlsIn(rest))].filter((url) => !data.has(url)).map(linkProblem).filter((p): p is string => p !== undefined);
}
