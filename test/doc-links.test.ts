/**
 * The editor's rule documentation links (client/src/doc-links.ts): a link to a rule's published
 * page becomes the command that opens the page bundled in the extension; nothing else changes. The
 * real-VS-Code tests click these links (test/vscode/docs-links-e2e.mjs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offlineDocsLink, RULE_ID, SHOW_DOCUMENTATION, showDocumentationLink, withOfflineDocsLinks } from '../client/src/doc-links';
import { SOURCES } from '../server/src/engine/data/sources';
import { ALL_RULE_METAS, docsUrl } from '../server/src/engine/rules/index';
import { REPO } from './helpers/cli-run';

/** What VS Code's command opener runs for a command link: the command and its JSON arguments. */
function commandOf(link: string): { command: string; args: unknown } {
  const url = new URL(link);
  return { command: url.pathname, args: JSON.parse(decodeURIComponent(url.search.slice(1))) };
}

describe('rule documentation links in the editor', () => {
  it('every rule, engine rules included, has a page in docs/rules/ that its link opens', () => {
    const pages = new Set(readdirSync(join(REPO, 'docs', 'rules')).map((name) => name.replace(/\.md$/, '')));
    for (const meta of ALL_RULE_METAS) {
      expect(pages.has(meta.id), meta.id).toBe(true);
      expect(RULE_ID.test(meta.id), meta.id).toBe(true);
      expect(commandOf(offlineDocsLink(docsUrl(meta.id))!)).toEqual({ command: SHOW_DOCUMENTATION, args: [meta.id] });
    }
  });

  it('leaves every other link alone', () => {
    expect(offlineDocsLink(SOURCES.l2beatStages.url)).toBeUndefined();
    expect(offlineDocsLink(`${docsUrl('role-collapse')}#rationale`)).toBeUndefined();
    expect(offlineDocsLink(docsUrl('role-collapse').replace('/docs/rules/', '/docs/'))).toBeUndefined();
    expect(offlineDocsLink('https://example.com/docs/rules/role-collapse.md')).toBeUndefined();
  });

  it("rewrites a hover's Markdown and the report's HTML, and only the rule pages in them", () => {
    const markdown = `Error: [One holder collapses critical roles](${docsUrl('role-collapse')}) \`role-collapse\`\n\n[Rule documentation](${docsUrl('weak-council')}) · Sources: [L2BEAT Stages](${SOURCES.l2beatStages.url})`;
    expect(withOfflineDocsLinks(markdown)).toBe(`Error: [One holder collapses critical roles](${showDocumentationLink('role-collapse')}) \`role-collapse\`\n\n[Rule documentation](${showDocumentationLink('weak-council')}) · Sources: [L2BEAT Stages](${SOURCES.l2beatStages.url})`);
    const html = `<a href="${docsUrl('fee-capture')}">fee-capture</a> <a href="${SOURCES.l2beatStages.url}">x</a>`;
    expect(withOfflineDocsLinks(html)).toBe(`<a href="command:chokepoint.showDocumentation?%5B%22fee-capture%22%5D">fee-capture</a> <a href="${SOURCES.l2beatStages.url}">x</a>`);
  });

  it('opens only the pages of rule ids: a link cannot name a path', () => {
    for (const id of ['../package', 'rules/../../x', 'README', 'a b', '']) expect(RULE_ID.test(id), id).toBe(false);
  });
});
