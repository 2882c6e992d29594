/** Shared steps of the in-editor tests: the workspace fixture, activation, and waiting on conditions. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'chokepoint.chokepoint';
/** The OP deploy config of examples/: this address is proxyAdminOwner, finalSystemOwner and superchainConfigGuardian. */
export const COLLAPSED = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
export const DEPLOY_CONFIG = 'op-stack/deploy-config.json';

/** Polls until `probe` returns a truthy value; fails with `what` (computed at the time) after the timeout. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string | (() => string), timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A file of the workspace fixture (a copy of examples/). */
export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The tests need a workspace folder holding a copy of examples/');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function activateChokepoint(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  await extension.activate();
  assert.equal(extension.isActive, true);
}

export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Chokepoint's diagnostics of `uri`, once one with `code` is there. */
export function diagnosticsWith(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'chokepoint');
    return diagnostics.some((d) => codeValue(d) === code) ? diagnostics : undefined;
  }, `a ${code} diagnostic on ${uri.fsPath}`);
}

export function codeValue(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** The position `offset` characters into the first occurrence of `needle` on a line containing `lineText`. */
export function positionOf(document: vscode.TextDocument, lineText: string, needle: string, offset = 2): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (text.includes(lineText) && text.includes(needle)) return new vscode.Position(line, text.indexOf(needle) + offset);
  }
  throw new Error(`No line with ${lineText} and ${needle} in ${document.uri.fsPath}`);
}

/** Puts a document back to its state on disk, so tests do not depend on each other's edits. */
export async function revert(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
