/**
 * Tells the user, once per file, when the active configuration file is too large to be linted as
 * you type: above what VS Code hands to extensions (50 MB; such a file has a tab but no document
 * in the extension host), or above `chokepoint.maxFileSizeMB` (the server refuses it). The status
 * item says so too, and both offer "Lint with CLI".
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { activeFileUri } from './cli-lint';
import { isConfigPath, largeFileMessage, sizeVerdict, type SizeVerdict } from './cli-report';
import type { StatusView } from './status';

export class LargeFileNotice implements vscode.Disposable {
  private readonly told = new Set<string>();
  private readonly listeners: vscode.Disposable[];
  private checking = 0;

  constructor(
    private readonly status: StatusView,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const check = () => void this.check();
    this.listeners = [
      vscode.window.tabGroups.onDidChangeTabs(check),
      vscode.window.tabGroups.onDidChangeTabGroups(check),
      vscode.window.onDidChangeActiveTextEditor(check),
      // A document handed to extensions after its tab opened, or saved with another size.
      vscode.workspace.onDidOpenTextDocument(check),
      vscode.workspace.onDidSaveTextDocument(check),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('chokepoint.maxFileSizeMB') && check()),
    ];
    check();
  }

  /** Looks at the active tab's file; updates the status item and, the first time, shows the message. */
  async check(): Promise<SizeVerdict | undefined> {
    const uri = activeFileUri();
    const ticket = ++this.checking;
    if (!uri || uri.scheme !== 'file' || !isConfigPath(uri.fsPath)) return undefined;
    let bytes: number;
    try {
      bytes = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      return undefined; // not on disk (yet)
    }
    if (ticket !== this.checking) return undefined; // another tab became active meanwhile
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const chars = document ? document.offsetAt(document.lineAt(document.lineCount - 1).range.end) : undefined;
    const verdict = sizeVerdict({ bytes, chars, maxFileSizeMB: vscode.workspace.getConfiguration('chokepoint', uri).get('maxFileSizeMB') });
    this.status.setTooLarge(uri, verdict);
    if (verdict && !this.told.has(uri.toString())) {
      this.told.add(uri.toString());
      const message = largeFileMessage(basename(uri.fsPath), verdict);
      this.output.info(message);
      void vscode.window.showInformationMessage(message, 'Lint with CLI').then((choice) => {
        if (choice) void vscode.commands.executeCommand('chokepoint.lintWithCli', uri);
      });
    }
    return verdict;
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
  }
}
