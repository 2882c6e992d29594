/**
 * "Chokepoint: Verify Addresses On Chain": reads what each address of the workspace's configs is on
 * chain (through the language server's `chokepoint.server.verify`, which runs `chokepoint verify`),
 * writes chokepoint.lock.json and lints the open files again. It sends requests to the RPC URLs of
 * `chokepoint.rpc`, so it is off until they are set and disabled in Restricted Mode.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const REQUEST = 'chokepoint.server.verify';
const PROGRESS = 'chokepoint/verifyProgress';

/** As the server answers (server/src/lsp/verify.ts). */
interface VerifiedRun {
  path: string;
  lockFile: string;
  written: boolean;
  chains: string[];
  addresses: number;
  problems: { chain: string; address?: string; message: string }[];
}

/** What the command did and said, returned for scripts and tests. */
export interface VerifyOutcome {
  status: 'restricted' | 'unset' | 'no-folder' | 'running' | 'verified' | 'cancelled' | 'failed';
  message: string;
  runs?: VerifiedRun[];
}

export const RESTRICTED_MESSAGE = 'Chokepoint: Verify Addresses On Chain is disabled in Restricted Mode, since it sends requests to the RPC URLs of chokepoint.rpc. Trust this workspace to use it.';
export const UNSET_MESSAGE = 'Chokepoint: to verify addresses on chain, set chokepoint.rpc to an RPC URL for each chain id, e.g. "chokepoint.rpc": { "1": "https://…" }, and "*" for any chain. Only this command uses them.';

/** The hosts of the configured URLs: all the output ever shows of them, since a path or query may hold a key. */
function hostsOf(rpc: Record<string, unknown>): string {
  const hosts = Object.values(rpc).map((url) => {
    try {
      return new URL(String(url)).host || 'an invalid URL';
    } catch {
      return 'an invalid URL';
    }
  });
  return [...new Set(hosts)].sort().join(', ');
}

/** What to verify: the workspace folders on disk, else the active file's folder. */
function targets(): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (folders.length > 0) return folders;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active?.scheme === 'file' ? [vscode.Uri.joinPath(active, '..').fsPath] : [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(runs: VerifiedRun[]): { message: string; problems: number } {
  const written = runs.filter((r) => r.written);
  const problems = runs.reduce((n, r) => n + r.problems.length, 0);
  const addresses = written.reduce((n, r) => n + r.addresses, 0);
  const chains = new Set(written.flatMap((r) => r.chains)).size;
  if (written.length === 0) {
    const first = runs.flatMap((r) => r.problems)[0];
    return { message: `Chokepoint read no address on chain and wrote no lock file${first ? `: ${first.message}` : '.'}`, problems };
  }
  const locks = written.map((r) => vscode.workspace.asRelativePath(r.lockFile)).join(', ');
  const head = `Chokepoint recorded ${plural(addresses, 'address')} on ${plural(chains, 'chain')} in ${locks} and linted the open files again`;
  if (problems === 0) return { message: `${head}.`, problems };
  return { message: `${head}; ${plural(problems, 'address')} could not be read and ${problems === 1 ? 'is' : 'are'} marked as errors in the lock (see the output).`, problems };
}

/** Registers chokepoint.verifyAddresses; `ready` settles once the language server has started. */
export function registerVerify(client: () => LanguageClient | undefined, ready: Promise<void>, output: vscode.LogOutputChannel): vscode.Disposable {
  let running = false;
  let runs = 0;
  return vscode.commands.registerCommand('chokepoint.verifyAddresses', async (): Promise<VerifyOutcome> => {
    // The command palette hides it in Restricted Mode (its `when` clause); this also stops other callers.
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(RESTRICTED_MESSAGE, 'Manage Workspace Trust').then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
      return { status: 'restricted', message: RESTRICTED_MESSAGE };
    }
    const rpc = vscode.workspace.getConfiguration('chokepoint').get<Record<string, unknown>>('rpc') ?? {};
    if (typeof rpc !== 'object' || Object.keys(rpc).length === 0) {
      void vscode.window.showInformationMessage(UNSET_MESSAGE, 'Open Settings').then((choice) => choice && vscode.commands.executeCommand('workbench.action.openSettings', 'chokepoint.rpc'));
      return { status: 'unset', message: UNSET_MESSAGE };
    }
    const paths = targets();
    if (paths.length === 0) {
      const message = 'Chokepoint: open a folder or a configuration file on disk to verify its addresses on chain.';
      void vscode.window.showInformationMessage(message);
      return { status: 'no-folder', message };
    }
    if (running) {
      const message = 'Chokepoint is already verifying addresses on chain.';
      void vscode.window.showInformationMessage(message);
      return { status: 'running', message };
    }
    running = true;
    const progressId = `verify-${++runs}`;
    output.info(`Verify Addresses On Chain: ${paths.join(', ')} through ${hostsOf(rpc)}`);
    try {
      await ready;
      const languageClient = client();
      if (!languageClient) throw new Error('The Chokepoint language server is not running.');
      const reply = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Chokepoint: verifying addresses on chain', cancellable: true }, async (progress, token) => {
        let reported = 0;
        const listener = languageClient.onNotification(PROGRESS, (params: { progressId?: string; done: number; total: number; what: string }) => {
          if (params.progressId !== progressId) return;
          const percent = params.total > 0 ? (100 * params.done) / params.total : 0;
          progress.report({ message: `${params.done}/${params.total} ${params.what}`, increment: Math.max(0, percent - reported) });
          reported = Math.max(reported, percent);
        });
        try {
          return { runs: (await languageClient.sendRequest<{ runs: VerifiedRun[] }>(REQUEST, { paths, rpc, progressId }, token)).runs, cancelled: token.isCancellationRequested };
        } catch (error) {
          if (token.isCancellationRequested) return { runs: [], cancelled: true };
          throw error;
        } finally {
          listener.dispose();
        }
      });
      if (reply.cancelled) {
        const message = 'Chokepoint: verifying addresses on chain was cancelled.';
        output.info(message);
        return { status: 'cancelled', message };
      }
      for (const run of reply.runs) {
        output.info(run.written ? `Wrote ${run.lockFile}: ${plural(run.addresses, 'address')} on ${run.chains.join(', ') || 'no chain'}` : `Wrote no lock for ${run.path}`);
        for (const problem of run.problems) output.warn(`[${problem.chain}]${problem.address ? ` ${problem.address}` : ''} ${problem.message}`);
      }
      const { message, problems } = summary(reply.runs);
      if (problems > 0) void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && output.show());
      else void vscode.window.showInformationMessage(message);
      return { status: 'verified', message, runs: reply.runs };
    } catch (error) {
      const message = `Chokepoint could not verify addresses on chain: ${error instanceof Error ? error.message : String(error)}`;
      output.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => choice && output.show());
      return { status: 'failed', message };
    } finally {
      running = false;
    }
  });
}
