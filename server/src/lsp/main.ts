import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** Entry of dist/server.mjs (started through dist/server.js) and of `chokepoint lsp`: the transport comes from the arguments (--stdio, --node-ipc, --socket=N), stdio by default. */
export function runServer(argv: string[]): void {
  const explicit = argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='));
  startServer(explicit ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
