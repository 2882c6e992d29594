/**
 * "Chokepoint: Show Authority Map": the sovereignty report of the active file's chain, with the
 * graph of holders and powers, in a webview beside the editor. The language server renders the
 * page (request `chokepoint/authorityMap`, server/src/lsp/authority-map.ts); the webview runs only
 * dist/authority-map-view.js, under a CSP that allows nothing but the webview's own nonce. A click on
 * a node reveals its config line; the page follows the chain's edits and the active editor.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SHOW_DOCUMENTATION, withOfflineDocsLinks } from './doc-links';

const REQUEST = 'chokepoint/authorityMap';
export const VIEW_TYPE = 'chokepoint.authorityMap';
/** Coalesces the diagnostics and edits of one change into one request. */
const REFRESH_DELAY_MS = 300;

interface AuthorityMapResult {
  html: string;
  title: string;
  version: number;
  files: { path: string; uri: string }[];
}

interface Shown {
  panel: vscode.WebviewPanel;
  /** One nonce for the panel's life, so an unchanged page is not reloaded. */
  nonce: string;
  /** The document whose chain the panel shows. */
  document?: vscode.Uri;
  /** The chain's files by path (the page's data-uri), so a click can only open one of them. */
  files: Map<string, vscode.Uri>;
  /** The column the map was opened from: lines are revealed there. */
  column: vscode.ViewColumn;
  html?: string;
}

export class AuthorityMap implements vscode.Disposable {
  private shown: Shown | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped. */
  private sequence = 0;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly ready: Promise<void>,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Follows the active editor to another chain; a file the server does not recognize leaves the map as it is.
        if (this.shown && editor && editor.document.uri.toString() !== this.shown.document?.toString()) void this.refresh(editor.document.uri, false);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => this.watches(uri))) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.watches(event.document.uri)) this.refreshSoon();
      }),
    ];
  }

  /** The command: opens (or shows) the panel for the active editor's chain. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = editor?.document.uri ?? this.shown?.document;
    if (!target) {
      void vscode.window.showInformationMessage('Open a chain configuration (a deploy config, genesis, chain spec or manifest) to see its authority map.');
      return;
    }
    if (!this.shown) this.shown = this.createPanel(editor?.viewColumn ?? vscode.ViewColumn.One);
    else this.shown.panel.reveal(undefined, true);
    const shown = await this.refresh(target, true);
    if (!shown && this.shown && !this.shown.html) this.shown.panel.dispose();
  }

  private createPanel(column: vscode.ViewColumn): Shown {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Authority Map', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      // The page's rule documentation links run this command alone (doc-links.ts), which opens the bundled page.
      enableCommandUris: [SHOW_DOCUMENTATION],
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
    const shown: Shown = { panel, nonce: randomBytes(16).toString('hex'), files: new Map(), column };
    panel.webview.onDidReceiveMessage((message: unknown) => void this.reveal(shown, message));
    panel.onDidDispose(() => {
      if (this.shown === shown) this.shown = undefined;
      clearTimeout(this.timer);
    });
    return shown;
  }

  /** True for a file of the chain on show. */
  private watches(uri: vscode.Uri): boolean {
    return Boolean(this.shown && (this.shown.files.has(uri.fsPath) || uri.toString() === this.shown.document?.toString()));
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const document = this.shown?.document;
      if (document) void this.refresh(document, false);
    }, REFRESH_DELAY_MS);
  }

  /** Asks the server for the page of `uri`'s chain and shows it; false when there is none. `explicit`: the user asked, so say why not. */
  private async refresh(uri: vscode.Uri, explicit: boolean): Promise<boolean> {
    const shown = this.shown;
    if (!shown) return false;
    const sequence = ++this.sequence;
    await this.ready;
    const client = this.client();
    if (!client?.isRunning()) {
      if (explicit) void vscode.window.showWarningMessage('The Chokepoint language server is not running, so the authority map cannot be built. Run "Chokepoint: Restart Language Server".');
      return false;
    }
    const webview = shown.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'authority-map-view.js'));
    let result: AuthorityMapResult | null;
    try {
      result = await client.sendRequest<AuthorityMapResult | null>(REQUEST, { uri: uri.toString(), webview: { cspSource: webview.cspSource, nonce: shown.nonce, scripts: [script.toString()] } });
    } catch (error) {
      this.output.warn(`The authority map of ${uri.fsPath} was not built: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    if (sequence !== this.sequence || this.shown !== shown) return false;
    if (!result) {
      if (explicit) void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} is not a configuration Chokepoint recognizes, so it has no authority map. Open a deploy config, genesis, chain spec or manifest.`);
      return false;
    }
    shown.document = uri;
    shown.files = new Map(result.files.map((f) => [f.path, vscode.Uri.parse(f.uri)]));
    shown.panel.title = result.title;
    if (result.html !== shown.html) {
      shown.html = result.html;
      webview.html = withOfflineDocsLinks(result.html);
    }
    return true;
  }

  /** Reveals the config line a node of the page points at, in the column the map was opened from. */
  private async reveal(shown: Shown, message: unknown): Promise<void> {
    const { type, uri, line } = (message ?? {}) as { type?: unknown; uri?: unknown; line?: unknown };
    if (type !== 'reveal' || typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 1) return;
    const file = shown.files.get(uri);
    if (!file) return;
    const document = await vscode.workspace.openTextDocument(file);
    const text = document.lineAt(Math.min(line, document.lineCount) - 1);
    const range = new vscode.Range(text.lineNumber, text.firstNonWhitespaceCharacterIndex, text.lineNumber, text.range.end.character);
    const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === file.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: open?.viewColumn ?? shown.column, selection: range, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.shown?.panel.dispose();
    this.listeners.forEach((l) => l.dispose());
  }
}
