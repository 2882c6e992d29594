import { basename, relative } from 'node:path';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isCancelled } from '../engine/cancel';
import { spanOf } from '../engine/lint';
import type { Origin } from '../engine/model/schema';
import { buildChainReport, renderHtml } from '../report';
import { VERSION } from '../version';
import type { LintEntry } from './linting';
import { pathToUri } from './uri';

/** The custom request behind "Chokepoint: Show Authority Map". */
export const AUTHORITY_MAP_REQUEST = 'chokepoint/authorityMap';

export interface AuthorityMapParams {
  uri: string;
  /** The webview's CSP source, a fresh nonce and the scripts it loads (see renderHtml). */
  webview: { cspSource: string; nonce: string; scripts?: string[] };
}

export interface AuthorityMapResult {
  /** The sovereignty report of the document's chain, with the authority map, as a webview page. */
  html: string;
  title: string;
  version: number;
  /** The chain's files: the page's `data-uri` is a path, the editor opens the URI. */
  files: { path: string; uri: string }[];
}

export interface AuthorityMapDeps {
  documents: TextDocuments<TextDocument>;
  /** The latest lint of an open document (server.ts); rejects with LintCancelled when a newer version supersedes it. */
  lintOpen: (document: TextDocument) => Promise<LintEntry | undefined>;
  /** Fetches the distribution entries the lint thread kept back (LintService.complete). */
  complete: (entry: LintEntry) => Promise<void>;
  rootFor: (path: string) => string | undefined;
}

/** How many newer versions the request follows before it gives up (the client asks again after the next change). */
const ATTEMPTS = 10;

/**
 * Answers `chokepoint/authorityMap`: the report of the open document's chain as of its latest
 * version, or null when the document is not a configuration Chokepoint lints. Lines come from the
 * editor's own text of each chain file; findings are those of the chain's files, as linted with it.
 */
export function authorityMap(deps: AuthorityMapDeps): (params: AuthorityMapParams) => Promise<AuthorityMapResult | null> {
  return async (params) => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const document = deps.documents.get(params.uri);
      if (!document) return null;
      let entry: LintEntry | undefined;
      try {
        entry = await deps.lintOpen(document);
      } catch (error) {
        if (isCancelled(error)) continue;
        throw error;
      }
      if (!entry?.report.adapter || !entry.report.entities || !(entry.report.chain ?? entry.report.model)) return null;
      // Large distributions' entries stay on the lint thread until asked for; without them the report leaves the distribution out.
      await deps.complete(entry);
      if (deps.documents.get(params.uri)?.version !== entry.version) continue;
      return render(entry, params, deps.rootFor(entry.path));
    }
    throw new Error('The document kept changing while its authority map was built; it is built again after the next change.');
  };
}

function render(entry: LintEntry, params: AuthorityMapParams, root: string | undefined): AuthorityMapResult {
  const display = (path: string) => (root && path.startsWith(`${root}/`) ? relative(root, path) : basename(path));
  const locate = (origin: Origin) => {
    const doc = entry.chainDocs.get(origin.file);
    return doc ? doc.lines.positionAt(spanOf(doc, origin).start).line + 1 : undefined;
  };
  const chain = buildChainReport([entry.report, ...entry.siblings], { display, locate });
  const title = `Authority map: ${chain.name}`;
  return {
    html: renderHtml({ version: VERSION, chains: [chain], unrecognized: [] }, { webview: params.webview, title }),
    title,
    version: entry.version,
    files: [...entry.chainDocs.keys()].map((path) => ({ path, uri: pathToUri(path) })),
  };
}
