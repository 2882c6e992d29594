/**
 * Rule documentation opens offline in the editor: the language client's middleware turns each
 * diagnostic's code link and each hover's "Rule documentation" link (the rule's published page)
 * into a link that runs "Show Rule Documentation", which opens the page bundled in the extension
 * in the Markdown preview. VS Code opens a diagnostic's code link with command links allowed (the
 * hover and the Problems panel alike); a hover's Markdown is trusted for that one command only.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { offlineDocsLink, SHOW_DOCUMENTATION, withOfflineDocsLinks } from './doc-links';

/** The diagnostic with its code linked to the bundled page (changed in place, as the client hands it over). */
export function withOfflineCodeLink(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  const code = diagnostic.code;
  if (typeof code !== 'object' || !code.target) return diagnostic;
  const link = offlineDocsLink(code.target.toString(true));
  if (link) diagnostic.code = { value: code.value, target: vscode.Uri.parse(link) };
  return diagnostic;
}

function offlineMarkdown(content: vscode.MarkdownString | vscode.MarkedString): vscode.MarkdownString | vscode.MarkedString {
  if (!(content instanceof vscode.MarkdownString)) return content;
  const value = withOfflineDocsLinks(content.value);
  if (value === content.value) return content;
  const markdown = new vscode.MarkdownString(value, content.supportThemeIcons);
  markdown.isTrusted = { enabledCommands: [SHOW_DOCUMENTATION] };
  markdown.supportHtml = content.supportHtml;
  markdown.baseUri = content.baseUri;
  return markdown;
}

export const offlineDocsMiddleware: Middleware = {
  handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(withOfflineCodeLink)),
  provideDiagnostics: async (document, previousResultId, token, next) => {
    const report = await next(document, previousResultId, token);
    if (report && 'items' in report) report.items.forEach(withOfflineCodeLink);
    return report;
  },
  provideHover: async (document, position, token, next) => {
    const hover = await next(document, position, token);
    return hover ? new vscode.Hover(hover.contents.map(offlineMarkdown), hover.range) : hover;
  },
};
