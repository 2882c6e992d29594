import { describe, expect, it } from 'vitest';
import { SERVER_LINT_WORKSPACE, WorkspaceLintReplay } from '../client/src/workspace-lint';

/** The parts of a LanguageClient the replay uses; `state()` moves it as a restart does. */
class StandInClient {
  running = false;
  readonly requests: [string, unknown][] = [];
  private listeners: (() => void)[] = [];

  onDidChangeState(listener: () => void) {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  isRunning() {
    return this.running;
  }

  sendRequest(method: string, params: unknown) {
    this.requests.push([method, params]);
    return Promise.resolve({ files: 1, findings: 2, configProblems: 0 });
  }

  /** Stopped, starting, then running again: what the language client goes through when its server is restarted. */
  restart() {
    for (const running of [false, false, true]) {
      this.running = running;
      for (const listener of this.listeners) listener();
    }
  }
}

function replayOn(client: StandInClient) {
  const log: string[] = [];
  const replay = new WorkspaceLintReplay(client as unknown as ConstructorParameters<typeof WorkspaceLintReplay>[0], (message) => log.push(message));
  return { replay, log };
}

const LINT_WORKSPACE: [string, unknown] = ['workspace/executeCommand', { command: SERVER_LINT_WORKSPACE, arguments: [] }];

/** The extension's memory of Lint Workspace across server restarts (client/src/workspace-lint.ts); test/vscode restarts a real server. */
describe('Lint Workspace after the language server restarts', () => {
  it('runs again on each restart once a scan has completed, and only once a restart', async () => {
    const client = new StandInClient();
    const { replay, log } = replayOn(client);
    client.restart();
    expect(client.requests).toEqual([]);
    replay.ran({ files: 3, findings: 5, configProblems: 0 });
    client.restart();
    expect(client.requests).toEqual([LINT_WORKSPACE]);
    client.restart();
    expect(client.requests).toEqual([LINT_WORKSPACE, LINT_WORKSPACE]);
    await Promise.resolve();
    expect(log.at(-1)).toBe('Lint Workspace after the restart: 2 findings.');
  });

  it('does not remember a scan that was cancelled or never answered', () => {
    const client = new StandInClient();
    const { replay } = replayOn(client);
    replay.ran({ files: 0, findings: 0, configProblems: 0, cancelled: true });
    replay.ran(undefined);
    client.restart();
    expect(client.requests).toEqual([]);
  });

  it('stops following the client once disposed', () => {
    const client = new StandInClient();
    const { replay } = replayOn(client);
    replay.ran({ files: 1, findings: 0, configProblems: 0 });
    replay.dispose();
    client.restart();
    expect(client.requests).toEqual([]);
  });
});
