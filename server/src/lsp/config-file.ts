import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { Insertion } from '../engine/config/edit';
import { LineIndex } from '../engine/text/positions';
import type { LintEntry } from './linting';
import { pathToUri } from './uri';

/** The .chokepoint.yaml that applies to a file, or where a new one goes (the workspace folder, else the file's own). */
export function configPathFor(entry: LintEntry, workspaceRoot?: string): string {
  return entry.config.file ?? join(workspaceRoot ?? dirname(entry.path), '.chokepoint.yaml');
}

/** A .chokepoint.yaml as the editor has it (unsaved changes too), else as on disk, else empty. */
export function configText(path: string, openText?: (path: string) => string | undefined): string {
  return openText?.(path) ?? (existsSync(path) ? readFileSync(path, 'utf8') : '');
}

/** One change to a file (created when missing), so every other byte of it stays as written. */
export function insertInFile(path: string, before: string, insertion: Insertion): WorkspaceEdit {
  const uri = pathToUri(path);
  const lines = new LineIndex(before);
  const edit = { range: { start: lines.positionAt(insertion.offset), end: lines.positionAt(insertion.end ?? insertion.offset) }, newText: insertion.text };
  if (before === '' && !existsSync(path)) {
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [edit] }] };
  }
  return { documentChanges: [{ textDocument: { uri, version: null }, edits: [edit] }] };
}
