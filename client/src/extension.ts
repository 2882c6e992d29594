import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { StatusView } from './status';

/** Files Chokepoint may recognize; whether it does is decided by content, on the server. */
export const SELECTOR: { scheme: string; language?: string; pattern?: string }[] = [
  ...['json', 'jsonc', 'yaml', 'toml'].flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
  { scheme: 'file', pattern: '**/*.toml' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Chokepoint', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  let restarts = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.chokepoint.{yaml,yml}') },
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        restarts++;
        if (restarts > 4) {
          void vscode.window.showErrorMessage('The Chokepoint language server stopped 5 times and will not be restarted. See the Chokepoint output for details.', 'Show Output').then((choice) => choice && output.show());
          return { action: CloseAction.DoNotRestart };
        }
        void vscode.window.showWarningMessage('The Chokepoint language server stopped unexpectedly and was restarted.');
        return { action: CloseAction.Restart };
      },
    },
  };
  client = new LanguageClient('chokepoint', 'Chokepoint', serverOptions, clientOptions);
  const status = new StatusView(SELECTOR);
  context.subscriptions.push(status, output, registerCommands(context, () => client, output));
  client.onNotification('chokepoint/status', (params) => status.update(params));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
