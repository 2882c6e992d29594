import * as vscode from 'vscode';
import { activeFileUri } from './cli-lint';
import { formatSize, limitText, type SizeVerdict } from './cli-report';

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
  /** Files not linted as you type because of their size. */
  private readonly tooLarge = new Map<string, SizeVerdict>();
  private readonly listeners: vscode.Disposable[];

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('chokepoint.status', selector);
    this.item.name = 'Chokepoint';
    this.item.command = { title: 'Lint workspace', command: 'chokepoint.lintWorkspace' };
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

  private render(): void {
    const uri = activeFileUri()?.toString();
    const large = uri ? this.tooLarge.get(uri) : undefined;
    if (uri && large) {
      this.item.text = '$(warning) Not linted: too large';
      this.item.detail = `${formatSize(large.size)}, ${limitText(large)}`;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.command = { title: 'Lint with CLI', command: 'chokepoint.lintWithCli', arguments: [vscode.Uri.parse(uri)] };
      return;
    }
    this.item.command = { title: 'Lint workspace', command: 'chokepoint.lintWorkspace' };
    const status = uri ? this.byUri.get(uri) : undefined;
    // Shows "Show Authority Map" in the editor title of configurations the server recognizes.
    void vscode.commands.executeCommand('setContext', 'chokepoint.recognized', Boolean(status && status.severity !== 'none'));
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
    this.listeners.forEach((l) => l.dispose());
  }
}
