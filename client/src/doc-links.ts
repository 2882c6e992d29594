/**
 * Links to a rule's documentation, as the editor opens them: the language server, the CLI and the
 * report link each rule's published page (`docsUrl`, in the repository package.json names); in VS
 * Code the same link runs "Show Rule Documentation", which opens the page bundled in the extension
 * (docs/rules/) in the Markdown preview, offline. Free of `vscode`, so vitest covers it.
 */
import { DOCS_BASE_URL } from '../../server/src/engine/rules/docs-url';

export const SHOW_DOCUMENTATION = 'chokepoint.showDocumentation';

/** A rule id as the bundled pages are named; anything else is not opened. */
export const RULE_ID = /^[a-z][a-z0-9-]*$/;

const PUBLISHED_PAGE = new RegExp(`${DOCS_BASE_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/([a-z][a-z0-9-]*)\\.md`, 'g');

/** `command:chokepoint.showDocumentation?["<id>"]`, percent-encoded as VS Code's command links are. */
export function showDocumentationLink(ruleId: string): string {
  return `command:${SHOW_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/** The command link for a rule's published page; undefined for any other URL. */
export function offlineDocsLink(url: string): string | undefined {
  const match = new RegExp(`^${PUBLISHED_PAGE.source}$`).exec(url);
  return match ? showDocumentationLink(match[1]) : undefined;
}

/** `text` (a hover's Markdown, a page's HTML) with every link to a rule's published page replaced by its command link. */
export function withOfflineDocsLinks(text: string): string {
  return text.replace(PUBLISHED_PAGE, (_, id: string) => showDocumentationLink(id));
}
