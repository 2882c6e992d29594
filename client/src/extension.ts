import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { ChokepointApi } from './api';
import { AuthorityMap } from './authority-map';
import { CliLinter, activeFileUri } from './cli-lint';
import { registerCommands } from './commands';
import { RestartPolicy } from './restart-policy';
import { LargeFileNotice } from './large-files';
import { offlineDocsMiddleware } from './offline-docs';
import { SettingsProblems } from './settings-problems';
import { StatusView } from './status';
import { registerVerify } from './verify';
import { WorkspaceLintReplay } from './workspace-lint';
import { followYamlExtension, hasYamlExtension } from './yaml-extension';

/** Files Chokepoint may recognize; whether it does is decided by content, on the server. */
export const SELECTOR: { scheme: string; language?: string; pattern?: string }[] = [
  ...['json', 'jsonc', 'yaml', 'toml'].flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
  { scheme: 'file', pattern: '**/*.toml' },
];

let client: LanguageClient | undefined;

/**
 * Activation does not wait for the language server: it creates the client, starts it, and
 * returns; commands that need the server wait for it (`ready`). The language client, the
 * largest part of the bundle, is evaluated here rather than when the module loads.
 */
export async function activate(context: vscode.ExtensionContext): Promise<ChokepointApi> {
  const began = performance.now();
  const output = vscode.window.createOutputChannel('Chokepoint', { log: true });
  const loading = performance.now();
  const { CloseAction, ErrorAction, LanguageClient, TransportKind } = await import('vscode-languageclient/node');
  const loaded = performance.now() - loading;
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    // A lock written by `chokepoint verify` outside the editor changes what the open files show, as a config does.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.chokepoint.yaml,.chokepoint.yml,chokepoint.lock.json}') },
    diagnosticPullOptions: { onChange: true, onSave: true },
    // Evaluated at each start, so a restart after the YAML extension comes or goes picks it up.
    // This extension shows settings problems itself, with a button to open the settings.
    initializationOptions: () => ({ settingsProblems: true, yamlSchemaAssist: !hasYamlExtension() }),
    markdown: { isTrusted: false, supportHtml: false },
    // Rule documentation links open the page bundled in the extension, offline (offline-docs.ts).
    middleware: offlineDocsMiddleware,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      // `handled`: the message below is the only one the user sees; the language client logs it to the output.
      closed: () => {
        const { restart, message } = restarts.onServerClosed();
        if (restart) {
          void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && output.show());
        } else {
          void vscode.window.showErrorMessage(message, 'Restart Language Server', 'Show Output').then((choice) => {
            if (choice === 'Show Output') output.show();
            else if (choice) void vscode.commands.executeCommand('chokepoint.restartServer');
          });
        }
        return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart, message, handled: true };
      },
    },
  };
  const languageClient = new LanguageClient('chokepoint', 'Chokepoint', serverOptions, clientOptions);
  client = languageClient;
  const status = new StatusView(SELECTOR);
  const cli = new CliLinter(context.asAbsolutePath('dist/cli.js'), output);
  const settingsProblems = new SettingsProblems();
  const workspaceLint = new WorkspaceLintReplay(languageClient, (message) => output.info(message));
  languageClient.onNotification('chokepoint/status', (params) => status.update(params));
  languageClient.onNotification('chokepoint/settingsProblems', (params) => settingsProblems.show(params));
  const ready = languageClient.start().then(
    () => output.info(`Language server ready ${Math.round(performance.now() - began)} ms after activation began`),
    (error: unknown) => output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  context.subscriptions.push(
    status,
    output,
    cli,
    new LargeFileNotice(status, output),
    workspaceLint,
    registerCommands(context, () => client, output, ready, workspaceLint),
    registerVerify(() => client, ready, output),
    vscode.commands.registerCommand('chokepoint.lintWithCli', (uri?: vscode.Uri) => cli.lint(uri instanceof vscode.Uri ? uri : activeFileUri())),
    followYamlExtension(() => void ready.then(() => client?.restart())),
  );
  const authorityMap = new AuthorityMap(context.extensionUri, () => client, ready, output);
  context.subscriptions.push(authorityMap, vscode.commands.registerCommand('chokepoint.showAuthorityMap', () => authorityMap.show()));
  output.info(`Activated in ${Math.round(performance.now() - began)} ms (loading the language client: ${Math.round(loaded)} ms)`);
  return { status: () => status.shown(), settingsProblems: () => settingsProblems.messages() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
