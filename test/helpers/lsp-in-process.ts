import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from '../../server/src/lsp/server';
import { REPO_ROOT, type ServerStreams } from './lsp-client';

/**
 * The language server started in this process with test seams (a stub RunVerify), spoken to over
 * the protocol through `new LspClient(inProcessServer(…))`. Its lint thread is the built
 * dist/document-worker.mjs, as in the bundle.
 */
export function inProcessServer(options: ServerOptions = {}): ServerStreams {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  // Message readers rather than raw streams: the server ends its process when a raw input stream closes.
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(fromServer));
  startServer(connection, { workerScript: join(REPO_ROOT, 'dist', 'document-worker.mjs'), ...options });
  return {
    toServer,
    fromServer,
    close: () => {
      connection.dispose();
      toServer.end();
      fromServer.end();
    },
  };
}
