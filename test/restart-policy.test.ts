import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GIVEN_UP_MESSAGE, MAX_RESTARTS, RESTARTED_MESSAGE, RestartPolicy, WINDOW_MS } from '../client/src/restart-policy';

/** The extension's answer when its language server dies (client/src/restart-policy.ts); test/vscode kills a real server. */
describe('restarting a language server that died', () => {
  it('restarts it and says so, until it has died too often in a short time', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < MAX_RESTARTS; i++) {
      now += 1000;
      expect(policy.onServerClosed()).toEqual({ restart: true, message: RESTARTED_MESSAGE });
    }
    now += 1000;
    expect(policy.onServerClosed()).toEqual({ restart: false, message: GIVEN_UP_MESSAGE });
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < 20; i++) {
      now += WINDOW_MS / MAX_RESTARTS + 1;
      expect(policy.onServerClosed().restart).toBe(true);
    }
  });

  it('tells the user what happened and what to do, in plain words', () => {
    expect(RESTARTED_MESSAGE).toMatch(/^The Chokepoint language server stopped unexpectedly and was restarted/);
    expect(GIVEN_UP_MESSAGE).toContain('will not be restarted');
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const restart = manifest.contributes.commands.find((c) => c.command === 'chokepoint.restartServer')!;
    expect(GIVEN_UP_MESSAGE).toContain(`"${restart.category}: ${restart.title}"`);
    expect(GIVEN_UP_MESSAGE).toContain('report');
  });
});
