import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cosmosGenesis } from '../bench/generate';
import { LspClient, REPO_ROOT, type Published } from './helpers/lsp-client';
import { COLLAPSED_DEPLOY_CONFIG } from './helpers/deploy-config';
import { buildIfMissing } from './helpers/cli-run';

/**
 * The language server lints on a worker thread: its main thread keeps answering while a large
 * genesis is linted, and a newer version of a document cancels the lint of the older one. The
 * server says when a lint starts, ends or is cancelled in $/logTrace, which the tests wait on
 * instead of guessing how long a lint takes.
 */

const DEPLOY = COLLAPSED_DEPLOY_CONFIG;

/** A genesis of about 8 MB: long enough to lint that messages arrive while it runs. */
let GENESIS = '';

/**
 * Version `n + 1` from version `n` as a change of the chain id's number alone ("benchchain-n"; the
 * genesis opens as version 1): an incremental didChange, as VS Code sends, which reaches the server at once.
 */
function bump(c: LspClient, uri: string, n: number): void {
  const before = GENESIS.slice(0, GENESIS.indexOf('"chain_id": "benchchain-') + '"chain_id": "benchchain-'.length).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  const range = { start: { line, character }, end: { line, character: character + String(n).length } };
  c.notify('textDocument/didChange', { textDocument: { uri, version: n + 1 }, contentChanges: [{ range, text: String(n + 1) }] });
}

let client: LspClient | undefined;

beforeAll(() => {
  buildIfMissing(join(REPO_ROOT, 'dist', 'document-worker.mjs'));
  GENESIS = cosmosGenesis(8_000_000);
});

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** Records every publishDiagnostics and $/logTrace line, in order of arrival. */
async function start(options: { pull?: boolean } = {}) {
  const c = new LspClient();
  const events: ({ kind: 'publish'; params: Published } | { kind: 'trace'; message: string } | { kind: 'hover' })[] = [];
  c.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    c.published.set(params.uri, params);
    events.push({ kind: 'publish', params });
  });
  c.connection.onNotification('$/logTrace', (params: { message: string }) => {
    events.push({ kind: 'trace', message: params.message });
  });
  await c.initialize(options);
  c.notify('$/setTrace', { value: 'messages' });
  const traced = (text: string) => events.some((e) => e.kind === 'trace' && e.message.includes(text));
  return { client: c, events, traced };
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'chokepoint-worker-'));
}

describe('the language server lints off its main thread', () => {
  it('answers a hover on another document while a large genesis is being linted', async () => {
    const session = await start();
    client = session.client;
    const dir = folder();
    const smallPath = join(dir, 'deploy-config.json');
    writeFileSync(smallPath, DEPLOY);
    const small = client.open(smallPath, DEPLOY);
    await client.until(() => client!.published.get(small));

    const bigPath = join(folder(), 'genesis.json');
    const big = client.open(bigPath, GENESIS);
    await client.until(() => session.traced('Linting genesis.json v1'), 20_000);
    const line = DEPLOY.split('\n').findIndex((l) => l.includes('proxyAdminOwner'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line, character: 25 } });
    session.events.push({ kind: 'hover' });
    await client.until(() => client!.published.get(big), 30_000);

    expect(hover?.contents.value).toContain('upgrade');
    const order = session.events.map((e) => (e.kind === 'hover' ? 'hover' : e.kind === 'publish' && e.params.uri === big ? 'big diagnostics' : undefined)).filter(Boolean);
    expect(order).toEqual(['hover', 'big diagnostics']);
    expect(session.traced('Linted genesis.json v1')).toBe(true);
  });

  it('lints a document opened while a large genesis is being linted on a second thread, and publishes it first', async () => {
    const session = await start();
    client = session.client;
    // Large enough that its lint outlasts starting a second thread and linting the small file there, even on a loaded machine.
    const big = client.open(join(folder(), 'genesis.json'), cosmosGenesis(40_000_000));
    await client.until(() => session.traced('Linting genesis.json v1'), 30_000);
    const dir = folder();
    const smallPath = join(dir, 'deploy-config.json');
    writeFileSync(smallPath, DEPLOY);
    const small = client.open(smallPath, DEPLOY);
    await client.until(() => client!.published.get(small), 30_000);
    const line = DEPLOY.split('\n').findIndex((l) => l.includes('proxyAdminOwner'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line, character: 25 } });
    session.events.push({ kind: 'hover' });
    await client.until(() => client!.published.get(big), 120_000);

    expect(client.published.get(small)?.diagnostics.map((d) => d.code)).toContain('role-collapse');
    expect(hover?.contents.value).toContain('upgrade');
    const order = session.events.map((e) => (e.kind === 'hover' ? 'hover' : e.kind === 'publish' ? (e.params.uri === big ? 'big' : 'small') : undefined)).filter(Boolean);
    expect(order).toEqual(['small', 'hover', 'big']);
  });

  it('answers a hover on a balance of a large genesis, whose entries the worker keeps until a hover asks', async () => {
    const session = await start();
    client = session.client;
    const uri = client.open(join(folder(), 'genesis.json'), GENESIS);
    await client.until(() => client!.published.get(uri), 30_000);
    const balances = GENESIS.indexOf('"balances": [');
    const at = GENESIS.indexOf('"address": "', balances) + '"address": "'.length;
    const address = GENESIS.slice(at, GENESIS.indexOf('"', at));
    const before = GENESIS.slice(0, at + 5).split('\n');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1].length } });
    expect(address).toMatch(/^bench1/);
    expect(hover?.contents.value).toContain(address);
  });

  // Every edit is an incremental change of the chain id, so it reaches the server at once (a whole 8 MB
  // text would take longer to arrive than some lints take). Whether an edit still arrives while the
  // worker lints the previous version depends on the machine's load, so each test tries a few rounds.
  // Every round must hold the invariants; at least one round must have caught a lint mid-way, or
  // cancellation was never exercised and the test fails.
  const ROUNDS = 4;

  it('cancels the lint of a version that a newer edit superseded, never publishes it, and ends on the final version', async () => {
    const session = await start();
    client = session.client;
    const path = join(folder(), 'genesis.json');
    const uri = client.open(path, GENESIS);
    await client.until(() => client!.published.get(uri), 30_000);

    let cancelled = 0;
    for (let round = 0, version = 2; round < ROUNDS && cancelled === 0; round++, version += 3) {
      const before = session.events.length;
      bump(client, uri, version - 1);
      await client.until(() => session.traced(`Linting genesis.json v${version}`), 20_000);
      bump(client, uri, version);
      bump(client, uri, version + 1);
      await client.until(() => client!.published.get(uri)?.version === version + 2, 30_000);

      const wasCancelled = session.traced(`Cancelled the lint of genesis.json v${version}`);
      expect(wasCancelled).not.toBe(session.traced(`Linted genesis.json v${version}`));
      // A version linted before the next edit reached the server may be published; never one out of order, nor the cancelled one.
      const versions = session.events.slice(before).flatMap((e) => (e.kind === 'publish' && e.params.uri === uri ? [e.params.version] : []));
      expect(versions.at(-1)).toBe(version + 2);
      expect(versions).toEqual([...versions].sort((a, b) => a! - b!));
      if (wasCancelled) expect(versions).not.toContain(version);
      expect(client.published.get(uri)!.diagnostics.length).toBeGreaterThan(0);
      if (wasCancelled) cancelled++;
    }
    expect(cancelled).toBe(1);
  });

  it('with pull diagnostics, answers a pull whose lint was superseded with ServerCancelled, and the next pull with the final version', async () => {
    const session = await start({ pull: true });
    client = session.client;
    const path = join(folder(), 'genesis.json');
    const uri = client.open(path, GENESIS);
    const pull = () => client!.request<{ items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const first = await pull();
    expect(first.items.length).toBeGreaterThan(0);

    let cancelled = 0;
    for (let round = 0, version = 2; round < ROUNDS && cancelled === 0; round++, version += 2) {
      bump(client, uri, version - 1);
      const superseded = pull().then(() => undefined, (error: { code?: number; data?: { retriggerRequest?: boolean } }) => error);
      await client.until(() => session.traced(`Linting genesis.json v${version}`), 20_000);
      bump(client, uri, version);
      const error = await superseded;
      const wasCancelled = session.traced(`Cancelled the lint of genesis.json v${version}`);
      // A pull whose lint was cancelled asks the client to pull again; so may one whose version an edit made stale.
      if (wasCancelled) cancelled++;
      if (wasCancelled || error) {
        expect(error?.code).toBe(-32802);
        expect(error?.data?.retriggerRequest).toBe(true);
      }
      const final = await pull();
      expect(final.items.map((d) => d.code)).toEqual(first.items.map((d) => d.code));
      expect(session.traced(`Linted genesis.json v${version + 1}`)).toBe(true);
    }
    expect(cancelled).toBe(1);
  });
});
