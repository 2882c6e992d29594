import * as vscode from 'vscode';
import type { SettingsProblemsParams } from '../../server/src/lsp/settings-problems';

/**
 * Shows what the server found wrong in the `chokepoint.*` settings (it sends each problem once per
 * change of the settings), with a button that opens them. Keeps what it showed for `ChokepointApi`.
 */
export class SettingsProblems {
  private readonly shown: string[] = [];

  show({ problems }: SettingsProblemsParams): void {
    const message = problems.join(' ');
    this.shown.push(message);
    void vscode.window.showWarningMessage(message, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'chokepoint');
    });
  }

  /** Every message shown, oldest first. */
  messages(): readonly string[] {
    return [...this.shown];
  }
}
