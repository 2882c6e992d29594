import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median, percentile } from './measure';

export interface LspTimings {
  file: string;
  /** didOpen to the first diagnostics, ms. */
  firstMs: number;
  /** didChange to diagnostics, ms, one per edit. */
  changeMs: number[];
  p50: number;
  p95: number;
  diagnostics: number;
}

/**
 * Drives `chokepoint lsp --stdio` as VS Code does: pull diagnostics, an incremental didChange per
 * edit, then a diagnostic request.
 */
export async function lspTimings(cli: string, file: string, edits: number, pauseMs: number): Promise<LspTimings> {
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
    });
    await connection.sendNotification('initialized', {});
    const pullDiagnostics = async () => {
      for (;;) {
        try {
          return (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
        } catch (error) {
          // The server cancels a pull that a newer edit superseded; the client pulls again.
          if ((error as { data?: { retriggerRequest?: boolean } }).data?.retriggerRequest) continue;
          throw error;
        }
      }
    };
    let started = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const first = await pullDiagnostics();
    const firstMs = performance.now() - started;
    // Type a digit into the last number of the file, then delete it, as someone editing a
    // parameter does. The server asks for incremental sync, so VS Code sends only the change.
    const digits = [...text.matchAll(/": "?\d/g)];
    const offset = digits[digits.length - 1].index! + digits[digits.length - 1][0].length - 1;
    const before = text.slice(0, offset).split('\n');
    const at = { line: before.length - 1, character: before[before.length - 1].length };
    const changeMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const change = i % 2 ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' } : { range: { start: at, end: at }, text: '1' };
      started = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
      await pullDiagnostics();
      changeMs.push(performance.now() - started);
    }
    return { file, firstMs, changeMs, p50: median(changeMs), p95: percentile(changeMs, 95), diagnostics: first.items.length };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}
