/**
 * What to do when the language server dies: restart it and say so, unless it keeps dying. Imports
 * nothing from `vscode`, so vitest covers it; extension.ts turns the decision into the language
 * client's close action and a notification.
 */

/** More crashes than this within WINDOW_MS and the server is left stopped. */
export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

export const RESTARTED_MESSAGE =
  'The Chokepoint language server stopped unexpectedly and was restarted; its diagnostics will be back in a moment. If this keeps happening, please report it with the Chokepoint output.';
export const GIVEN_UP_MESSAGE =
  `The Chokepoint language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted, so Chokepoint diagnostics are off. Run "Chokepoint: Restart Language Server" to try again, and please report the problem with the Chokepoint output.`;

export interface RestartDecision {
  restart: boolean;
  message: string;
}

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Called each time the connection to the server closes without the extension asking for it. */
  onServerClosed(): RestartDecision {
    const at = this.now();
    this.crashes = [...this.crashes.filter((t) => at - t < WINDOW_MS), at];
    return this.crashes.length > MAX_RESTARTS ? { restart: false, message: GIVEN_UP_MESSAGE } : { restart: true, message: RESTARTED_MESSAGE };
  }
}
