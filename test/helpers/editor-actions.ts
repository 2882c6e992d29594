/**
 * The editor's side of code actions, in process: a lint entry as the language server keeps it, the
 * actions it offers for one finding, and a workspace edit applied the way the client applies it.
 */
import { dirname } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../../server/src/engine/config/resolved';
import { lintText, type Finding } from '../../server/src/engine/lint';
import { parseDocument, type ParsedDocument } from '../../server/src/engine/parse';
import { codeActions } from '../../server/src/lsp/code-actions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import type { LintEntry } from '../../server/src/lsp/linting';
import { pathToUri } from '../../server/src/lsp/uri';
import { TODAY } from './lint';

/** A file linted on its own under `config`, kept the way the language server keeps it for code actions. */
export function lintEntry(path: string, text: string, config: ResolvedConfig): LintEntry {
  const doc = parseDocument(path, text);
  const report = lintText(path, text, { config, explicit: true, now: TODAY });
  return { path, version: 1, doc, report, config, chainDocs: new Map([[path, doc]]), siblings: [], ms: 0 };
}

/** The quick fixes the server offers for one finding, with `openText` standing for the files open in the editor. */
export function actionsFor(entry: LintEntry, finding: Finding, openText: (path: string) => string | undefined = () => undefined): CodeAction[] {
  const diagnostic = toDiagnostic(finding, pathToUri);
  return codeActions({ uri: pathToUri(entry.path), entry, diagnostics: [diagnostic], range: diagnostic.range, workspaceRoot: dirname(entry.path), openText });
}

/** Applies LSP edits through the LSP text document, as the client does. */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited', 'plaintext', 1, text), edits);
}

/** The edits a workspace edit makes to each file, by URI, whether given as `changes` or `documentChanges`. */
export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const byUri = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e)]);
  }
  return byUri;
}

/** How a text breaks its lines: CRLF pairs, and line feeds and carriage returns that stand alone. */
export function lineBreaks(text: string): { crlf: number; lf: number; cr: number } {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  return { crlf, lf: (text.match(/\n/g)?.length ?? 0) - crlf, cr: (text.match(/\r/g)?.length ?? 0) - crlf };
}

/**
 * What an edit that adds text did wrong to the file's form: a byte-order mark moved or doubled, or a
 * line break unlike the file's own (an LF in a CRLF file, a CRLF in an LF file).
 */
export function formProblems(before: string, after: string): string[] {
  const problems: string[] = [];
  const boms = (text: string) => text.match(/\uFEFF/g)?.length ?? 0;
  if (before.startsWith('\uFEFF') !== after.startsWith('\uFEFF') || boms(before) !== boms(after)) problems.push('the byte-order mark moved, went or was doubled');
  const was = lineBreaks(before);
  const now = lineBreaks(after);
  if (was.crlf > 0 && was.lf === 0 && now.lf > 0) problems.push('an LF line break went into a CRLF file');
  if (was.lf > 0 && was.crlf === 0 && now.crlf > 0) problems.push('a CRLF line break went into an LF file');
  if (now.cr > was.cr) problems.push('a lone carriage return was added');
  return problems;
}

/** The comments of a document as their texts, so a test can tell which were kept. */
export function commentTexts(doc: ParsedDocument): string[] {
  return doc.comments.map((c) => c.text);
}
