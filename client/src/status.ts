import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/status';
import { activeFileUri } from './cli-lint';
import { formatSize, limitText, type SizeVerdict } from './cli-report';

/** What the item shows, as `ChokepointApi.status()` reads it back. */
export interface StatusShown {
  text: string;
  detail: string | undefined;
  severity: 'error' | 'warning' | 'info';
  busy: boolean;
}

interface View extends StatusShown {
  command: vscode.Command;
}

const SEVERITY = {
  error: vscode.LanguageStatusSeverity.Error,
  warning: vscode.LanguageStatusSeverity.Warning,
  info: vscode.LanguageStatusSeverity.Information,
};
const LINT_WORKSPACE: vscode.Command = { title: 'Lint workspace', command: 'chokepoint.lintWorkspace' };

/**
 * The language-status item for the active file, as the server last described it: the chain's
 * summary, "Linting…", or why the file is not linted. Files that are not configurations get no
 * item at all, so it is created when there is something to say and disposed when there is not.
 */
export class StatusView implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private readonly byUri = new Map<string, StatusParams>();
  /** Files not linted as you type because of their size. */
  private readonly tooLarge = new Map<string, SizeVerdict>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly selector: vscode.DocumentSelector) {
    // A file VS Code does not hand to extensions is never the active text editor, only the active tab.
    this.listeners = [vscode.window.onDidChangeActiveTextEditor(() => this.render()), vscode.window.tabGroups.onDidChangeTabs(() => this.render())];
    this.render();
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  setTooLarge(uri: vscode.Uri, verdict: SizeVerdict | undefined): void {
    if (verdict) this.tooLarge.set(uri.toString(), verdict);
    else this.tooLarge.delete(uri.toString());
    this.render();
  }

  /** What the item shows now; undefined while there is none. */
  shown(): StatusShown | undefined {
    if (!this.item) return undefined;
    const severity = this.item.severity === vscode.LanguageStatusSeverity.Error ? 'error' : this.item.severity === vscode.LanguageStatusSeverity.Warning ? 'warning' : 'info';
    return { text: this.item.text, detail: this.item.detail, severity, busy: this.item.busy };
  }

  private render(): void {
    const uri = activeFileUri()?.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    // Shows "Show Authority Map" in the editor title of configurations the server recognizes.
    void vscode.commands.executeCommand('setContext', 'chokepoint.recognized', status?.kind === 'summary');
    const large = uri ? this.tooLarge.get(uri) : undefined;
    const view = large ? tooLargeView(uri!, large) : status ? viewOf(status) : undefined;
    if (!view) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    if (!this.item) {
      this.item = vscode.languages.createLanguageStatusItem('chokepoint.status', this.selector);
      this.item.name = 'Chokepoint';
    }
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
    this.item.command = view.command;
  }

  dispose(): void {
    this.item?.dispose();
    this.listeners.forEach((l) => l.dispose());
  }
}

function viewOf(status: StatusParams): View | undefined {
  switch (status.kind) {
    case 'hidden':
      return undefined;
    case 'linting':
      return { text: '$(loading~spin) Linting…', detail: 'Chokepoint is linting this file with the other files of its chain.', severity: 'info', busy: true, command: LINT_WORKSPACE };
    case 'summary':
      return { text: `$(shield) ${status.text}`, detail: status.detail, severity: status.severity, busy: false, command: LINT_WORKSPACE };
    case 'not-linted': {
      const open = status.open;
      const command = open
        ? { title: `Open ${open.uri.split('/').pop()}`, command: 'vscode.open', arguments: [vscode.Uri.parse(open.uri), { selection: new vscode.Range(open.line, 0, open.line, 0) }] }
        : LINT_WORKSPACE;
      return { text: `$(warning) ${status.text}`, detail: status.detail, severity: 'warning', busy: false, command };
    }
  }
}

function tooLargeView(uri: string, verdict: SizeVerdict): View {
  return {
    text: '$(warning) Not linted: too large',
    detail: `${formatSize(verdict.size)}, ${limitText(verdict)}`,
    severity: 'warning',
    busy: false,
    command: { title: 'Lint with CLI', command: 'chokepoint.lintWithCli', arguments: [vscode.Uri.parse(uri)] },
  };
}
