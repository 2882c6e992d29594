import * as vscode from 'vscode';

interface StatusParams {
  uri: string;
  text: string;
  detail: string;
  severity: 'error' | 'warning' | 'info' | 'none';
}

const SEVERITY = {
  error: vscode.LanguageStatusSeverity.Error,
  warning: vscode.LanguageStatusSeverity.Warning,
  info: vscode.LanguageStatusSeverity.Information,
  none: vscode.LanguageStatusSeverity.Information,
};

/** The language-status item: the active file's summary, e.g. "Stage 0 · Nakamoto 1", with the counts as detail. */
export class StatusView implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listener: vscode.Disposable;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('chokepoint.status', selector);
    this.item.name = 'Chokepoint';
    this.item.command = { title: 'Lint workspace', command: 'chokepoint.lintWorkspace' };
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());
    this.render();
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status || status.severity === 'none') {
      this.item.text = 'Chokepoint';
      this.item.detail = 'Not a configuration Chokepoint recognizes';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    this.item.text = `$(shield) ${status.text}`;
    this.item.detail = status.detail;
    this.item.severity = SEVERITY[status.severity];
  }

  dispose(): void {
    this.item.dispose();
    this.listener.dispose();
  }
}
