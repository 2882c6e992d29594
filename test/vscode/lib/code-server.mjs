// @ts-check
/** A throw-away code-server profile: install extensions into it, serve a workspace, stop every process it started. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY } from './paths.mjs';
import { waitFor } from './wait.mjs';

/** Settings that keep a fresh workbench quiet and deterministic: no welcome page, tips, update checks or trust prompts. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.cursorBlinking': 'solid',
  'files.autoSave': 'off',
};

/**
 * @typedef {{ root: string, userData: string, extensions: string, config: string }} Profile
 * @typedef {{ url: string, port: number, log: () => string, stop: () => Promise<void> }} Server
 */

/**
 * @param {string} root a fresh directory for this profile
 * @param {Record<string, unknown>} [settings] user settings over the quiet defaults
 * @returns {Profile}
 */
export function createProfile(root, settings = {}) {
  const profile = { root, userData: join(root, 'user-data'), extensions: join(root, 'extensions'), config: join(root, 'config.yaml') };
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  // Its own config file, so code-server never writes ~/.config/code-server/config.yaml.
  writeFileSync(profile.config, 'auth: none\ncert: false\n');
  writeFileSync(join(profile.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return profile;
}

/**
 * The environment of code-server's processes: its heartbeat, logs and caches go to the profile,
 * never to ~/.local/share/code-server or ~/.config, and the profile path marks its processes.
 * @param {Profile} profile @param {NodeJS.ProcessEnv} [env]
 */
function profileEnv(profile, env = {}) {
  return { ...process.env, ...env, XDG_DATA_HOME: join(profile.root, 'xdg', 'data'), XDG_CONFIG_HOME: join(profile.root, 'xdg', 'config'), XDG_CACHE_HOME: join(profile.root, 'xdg', 'cache'), CHOKEPOINT_VSCODE_PROFILE: profile.root };
}

/** @param {Profile} profile */
function profileArgs(profile) {
  return [CODE_SERVER_ENTRY, '--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

/** Installs a .vsix into the profile with code-server's own `--install-extension`. @param {Profile} profile @param {string} vsix */
export function installExtension(profile, vsix) {
  const result = spawnSync(process.execPath, [...profileArgs(profile), '--force', '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000, env: profileEnv(profile) });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
  }
}

/** @returns {Promise<number>} a port that was free on 127.0.0.1 a moment ago */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} pgid @param {NodeJS.Signals | 0} signal @returns {boolean} whether any process of the group was there */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Serves `workspace` from the profile on a free port, in its own process group so that stopping it
 * also ends the extension host and the language servers it started. Its processes carry the
 * profile's path in CHOKEPOINT_VSCODE_PROFILE, so that stragglers can be found (lib/processes.mjs).
 * @param {Profile} profile
 * @param {string} workspace
 * @param {NodeJS.ProcessEnv} [env]
 * @param {{ workspaceTrust?: boolean }} [options] `workspaceTrust`: keep Workspace Trust on, so that a workspace never trusted opens in Restricted Mode
 * @returns {Promise<Server>}
 */
export async function startCodeServer(profile, workspace, env = {}, options = {}) {
  const port = await freePort();
  const trust = options.workspaceTrust ? [] : ['--disable-workspace-trust'];
  const args = [...profileArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...trust, '--disable-getting-started-override', '--ignore-last-opened', workspace];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: profileEnv(profile, env) });
  let output = '';
  let exited = /** @type {number | null | undefined} */ (undefined);
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => (exited = code));
  const pgid = /** @type {number} */ (child.pid);

  const stop = async () => {
    if (!signalGroup(pgid, 'SIGTERM')) return;
    try {
      await waitFor(() => !signalGroup(pgid, 0), { what: 'code-server to exit', timeoutMs: 10_000, intervalMs: 100 });
    } catch {
      signalGroup(pgid, 'SIGKILL');
      await waitFor(() => !signalGroup(pgid, 0), { what: 'code-server to be killed', timeoutMs: 10_000, intervalMs: 100 });
    }
  };

  try {
    await waitFor(async () => {
      if (exited !== undefined) throw new Error(`code-server exited with code ${exited}`);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return response.ok;
    }, { what: `code-server to listen on 127.0.0.1:${port}`, timeoutMs: 60_000 });
  } catch (error) {
    await stop();
    throw new Error(`${/** @type {Error} */ (error).message}\n--- code-server log ---\n${output}`);
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  return { url, port, log: () => output, stop };
}
