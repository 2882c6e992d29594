import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuiltCli, temporaryFolders } from './helpers/cli-run';
import { COLLAPSED_DEPLOY_CONFIG } from './helpers/deploy-config';
import { LspClient, type Published } from './helpers/lsp-client';

/**
 * A mistyped `chokepoint.*` setting is said once per change of the settings, naming the nearest
 * valid id, and ignored: the rule it meant keeps firing. The VS Code extension asks for
 * `chokepoint/settingsProblems` to show them itself; any other client gets `window/showMessage`.
 */

const folder = temporaryFolders('chokepoint-settings-');
let client: LspClient | undefined;

ensureBuiltCli();

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

interface Session {
  client: LspClient;
  /** Every settings problem notification (the extension's) or warning message (any client), in order. */
  told: string[][];
  logged: string[];
  uri: string;
  path: string;
}

async function start(settings: Record<string, unknown>, extension: boolean): Promise<Session> {
  const c = new LspClient();
  client = c;
  c.settings.chokepoint = settings;
  const told: string[][] = [];
  const logged: string[] = [];
  c.connection.onNotification('chokepoint/settingsProblems', (params: { problems: string[] }) => void told.push(params.problems));
  c.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => void told.push([`${params.type}: ${params.message}`]));
  c.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => void logged.push(params.message));
  await c.initialize({ configuration: true, ...(extension ? { initializationOptions: { settingsProblems: true } } : {}) });
  const path = join(folder(), 'deploy-config.json');
  writeFileSync(path, COLLAPSED_DEPLOY_CONFIG);
  return { client: c, told, logged, uri: c.open(path, COLLAPSED_DEPLOY_CONFIG), path };
}

/** The diagnostics of `uri` once a publication of `version` has arrived. */
function published(c: LspClient, uri: string, version: number): Promise<Published> {
  return c.until(() => {
    const p = c.published.get(uri);
    return p?.version === version ? p : undefined;
  });
}

const codes = (p: Published) => p.diagnostics.map((d) => d.code);

describe('chokepoint.* settings that are wrong', () => {
  it('are said once, with the nearest rule id, severity and preset; the typo is ignored and the rule keeps firing', async () => {
    const s = await start({ rules: { 'role-colapse': 'off', 'unverified-authority': 'warn', 'no-such-thing-at-all': 'off' }, preset: 'strct' }, true);
    const first = await published(s.client, s.uri, 1);
    expect(codes(first)).toContain('role-collapse');
    expect(s.told).toEqual([[
      'chokepoint.rules: unknown rule "role-colapse" — did you mean "role-collapse"?',
      'chokepoint.rules: "warn" is not a severity for "unverified-authority" — did you mean "warning"?',
      'chokepoint.rules: unknown rule "no-such-thing-at-all" — no rule has a similar id.',
      'chokepoint.preset: unknown preset "strct" — did you mean "strict"? The preset of .chokepoint.yaml applies.',
    ]]);
    expect(s.logged).toEqual(expect.arrayContaining(s.told[0]));

    // Editing and opening more files lints again with the same settings: nothing is said again.
    s.client.change(s.uri, COLLAPSED_DEPLOY_CONFIG.replace('48213', '48214'), 2);
    await published(s.client, s.uri, 2);
    const other = join(s.path, '..', 'other', 'deploy-config.json');
    const otherUri = s.client.open(other, COLLAPSED_DEPLOY_CONFIG);
    await s.client.until(() => s.client.published.get(otherUri));
    expect(s.told.length).toBe(1);
  });

  it('are said again after the settings change while they are still wrong, and not once they are fixed', async () => {
    const s = await start({ rules: { 'role-colapse': 'off' } }, true);
    await published(s.client, s.uri, 1);
    expect(s.told).toEqual([['chokepoint.rules: unknown rule "role-colapse" — did you mean "role-collapse"?']]);

    s.client.settings.chokepoint = { rules: { 'role-colapse': 'off', 'fee-captur': 'off' } };
    s.client.notify('workspace/didChangeConfiguration', { settings: null });
    await s.client.until(() => s.told.length === 2);
    expect(s.told[1]).toEqual(['chokepoint.rules: unknown rule "role-colapse" — did you mean "role-collapse"?', 'chokepoint.rules: unknown rule "fee-captur" — did you mean "fee-capture"?']);

    s.client.settings.chokepoint = { rules: { 'role-collapse': 'off' } };
    s.client.published.delete(s.uri);
    s.client.notify('workspace/didChangeConfiguration', { settings: null });
    const fixed = await s.client.until(() => s.client.published.get(s.uri));
    expect(codes(fixed)).not.toContain('role-collapse');
    expect(s.told.length).toBe(2);
  });

  it('reach any other LSP client as one warning message', async () => {
    const s = await start({ rules: { 'fee-captur': 'off' } }, false);
    await published(s.client, s.uri, 1);
    expect(s.told).toEqual([['2: chokepoint.rules: unknown rule "fee-captur" — did you mean "fee-capture"?']]);
  });
});
