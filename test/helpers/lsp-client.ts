import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { StatusParams } from '../../server/src/lsp/status';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; message: string; severity?: number; source?: string; codeDescription?: { href: string }; relatedInformation?: unknown[]; data?: unknown }[];
}

/** A server running in this process (test/helpers/lsp-in-process.ts), reached through a pair of streams. */
export interface ServerStreams {
  toServer: Writable;
  fromServer: Readable;
  close(): void;
}

/**
 * A minimal LSP client that starts `chokepoint lsp --stdio` and speaks JSON-RPC to it, as an editor
 * would; or speaks to a server started in this process with test seams (`ServerStreams`).
 */
export class LspClient {
  /** The server's process; undefined for a server in this process. */
  readonly process: ChildProcess | undefined;
  private readonly inProcess: ServerStreams | undefined;
  readonly connection: MessageConnection;
  readonly published = new Map<string, Published>();
  readonly statuses: StatusParams[] = [];
  /** Answers to workspace/configuration, per section. */
  settings: Record<string, unknown> = {};
  /** Edits the server asked the client to apply. */
  readonly appliedEdits: unknown[] = [];
  /** Work-done progress tokens the server created, and the `$/progress` it sent, in order. */
  readonly progressTokens: (string | number)[] = [];
  readonly progress: { token: string | number; value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean } }[] = [];
  /** Capabilities the server registered dynamically (client/registerCapability), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(server: string[] | ServerStreams = ['dist/cli.js', 'lsp', '--stdio']) {
    if (Array.isArray(server)) {
      this.process = spawn(process.execPath, server, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
      // The server may exit while the last messages are in flight; that is the end of the session, not an error.
      this.process.stdin!.on('error', () => undefined);
    } else {
      this.inProcess = server;
    }
    const output = Array.isArray(server) ? this.process!.stdout! : server.fromServer;
    const input = Array.isArray(server) ? this.process!.stdin! : server.toServer;
    this.connection = createMessageConnection(new StreamMessageReader(output), new StreamMessageWriter(input));
    this.connection.onError(() => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.published.set(params.uri, params);
      this.wake();
    });
    this.connection.onNotification('chokepoint/status', (params: StatusParams) => {
      this.statuses.push(params);
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => this.settings[item.section ?? ''] ?? null));
    this.connection.onRequest('workspace/applyEdit', (params: { edit: unknown }) => {
      this.appliedEdits.push(params.edit);
      this.wake();
      return { applied: true };
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progressTokens.push(params.token);
      return null;
    });
    this.connection.onNotification('$/progress', (params: LspClient['progress'][number]) => {
      this.progress.push(params);
      this.wake();
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.wake();
      return null;
    });
    this.connection.listen();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `condition` holds, re-checking after every message from the server. */
  async until<T>(condition: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = condition();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** `watchFiles`: the client watches the files the server registers for (workspace/didChangeWatchedFiles). */
  async initialize(options: { pull?: boolean; rootPath?: string; configuration?: boolean; initializationOptions?: unknown; watchFiles?: boolean } = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = options.rootPath ? `file://${options.rootPath}` : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
          codeAction: { disabledSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
        workspace: { configuration: options.configuration ?? false, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? false } },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(path: string, text: string, languageId = languageOf(path), version = 1): string {
    const uri = `file://${path}`;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  change(uri: string, text: string, version: number): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server files changed on disk, as a client's file watcher does (1 created, 2 changed, 3 deleted). */
  filesChanged(...changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  /** Sends a notification; one that cannot be written because the server has gone is dropped. */
  notify(method: string, params?: unknown): void {
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // `exit` ends the server's process, which for a server in this process is the test's own.
      if (this.process) this.notify('exit');
    } finally {
      this.connection.dispose();
      this.process?.kill();
      this.inProcess?.close();
    }
  }
}

export function languageOf(path: string): string {
  if (path.endsWith('.toml')) return 'toml';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.jsonc')) return 'jsonc';
  return 'json';
}

export const REPO_ROOT = ROOT;
export const examplePath = (...parts: string[]) => join(ROOT, 'examples', ...parts);
