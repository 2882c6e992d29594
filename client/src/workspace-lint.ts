/**
 * Lint Workspace's findings outlive the language server. Once a scan has completed in this window,
 * every start of the server after it (a restart after a crash, or "Restart Language Server") runs
 * the scan again, so Problems shows the workspace's findings without the user asking. Imports only
 * types, so vitest covers it with a stand-in client.
 */
import type { LanguageClient } from 'vscode-languageclient/node';

export const SERVER_LINT_WORKSPACE = 'chokepoint.server.lintWorkspace';

export interface WorkspaceLintSummary {
  files: number;
  findings: number;
  configProblems: number;
  cancelled?: boolean;
}

type Client = Pick<LanguageClient, 'onDidChangeState' | 'isRunning' | 'sendRequest'>;

export class WorkspaceLintReplay {
  private completed = false;
  private readonly subscription: { dispose(): void };

  constructor(private readonly client: Client, private readonly log: (message: string) => void) {
    this.subscription = client.onDidChangeState(() => {
      if (this.completed && client.isRunning()) this.replay();
    });
  }

  /** Lint Workspace answered; a scan that completed is run again after each restart of the server. */
  ran(summary: WorkspaceLintSummary | undefined): void {
    if (summary && !summary.cancelled) this.completed = true;
  }

  private replay(): void {
    this.log('The language server started again: running Lint Workspace again, so that its findings are back in Problems.');
    // Sent once the new server is initialized: the language client waits for its start.
    this.client.sendRequest('workspace/executeCommand', { command: SERVER_LINT_WORKSPACE, arguments: [] }).then(
      (summary) => this.log(`Lint Workspace after the restart: ${(summary as WorkspaceLintSummary | null)?.findings ?? 0} findings.`),
      (error: unknown) => this.log(`Lint Workspace after the restart failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
