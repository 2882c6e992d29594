/**
 * "Chokepoint: Verify Addresses On Chain" on the language server, over the protocol: the
 * `chokepoint.server.verify` request with a stub RunVerify injected through `startServer`'s options,
 * as DocumentLinter takes a rule list. The real verify, against a real node, is tested on its own;
 * here: the setting, progress, cancellation through the AbortSignal, the re-lint with configuration
 * read again, a build without the implementation, and that no RPC URL's path or query is ever sent
 * back or logged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LockFile } from '../server/src/engine/lock/schema';
import { loadVerify, rpcOption, VERIFY_PROGRESS, VERIFY_REQUEST, type VerifyProgressParams, type VerifyReply } from '../server/src/lsp/verify';
import type { RunVerify, VerifyOptions, VerifyResult } from '../server/src/verify/api';
import { dynamicImports, loadedText, loadedWith } from './helpers/bundles';
import { buildIfMissing, temporaryFolders } from './helpers/cli-run';
import { COLLAPSED_DEPLOY_CONFIG } from './helpers/deploy-config';
import { LspClient, REPO_ROOT } from './helpers/lsp-client';
import { inProcessServer } from './helpers/lsp-in-process';

/** An RPC URL with a key in its path, a key in its query and credentials: none of them may leave the server. */
const SECRET_URL = 'https://alice:hunter2@rpc.example.org/v2/PATHKEY123?apikey=QUERYKEY456';
const SECRETS = ['PATHKEY123', 'QUERYKEY456', 'hunter2', 'alice:', '/v2/'];
const SAFE = '0x1d5b7ed2c3a4f5e6b7c8d9e0f1a2b3c4d5e6f7a8';
const UNREADABLE = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';

const folder = temporaryFolders('chokepoint-lsp-verify-');

beforeAll(() => buildIfMissing(join(REPO_ROOT, 'dist', 'document-worker.mjs')), 120_000);

let client: LspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** What a verify of `dir` writes: a Safe read and an address that could not be read. */
function lockFor(): LockFile {
  return {
    lockfileVersion: 1,
    generatedBy: 'chokepoint test stub',
    chains: {
      'evm:1': {
        rpcHost: 'rpc.example.org',
        block: { number: 21_345_678, timestamp: '2026-11-20T12:00:00Z' },
        addresses: { [SAFE]: { kind: 'safe', threshold: 2, owners: [UNREADABLE, SAFE] }, [UNREADABLE]: { kind: 'error', error: 'eth_call reverted' } },
      },
    },
  };
}

/** A RunVerify that writes its lock as the real one does, reports progress, and records how it was called. */
function recordingVerify(calls: VerifyOptions[]): RunVerify {
  return async (options) => {
    calls.push(options);
    options.onProgress?.(1, 2, `Reading ${SAFE} through ${SECRET_URL}`);
    options.onProgress?.(2, 2, `Reading ${UNREADABLE}`);
    const lockFile = join(options.paths[0], 'chokepoint.lock.json');
    const lock = lockFor();
    writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
    return { lockFile, lock, problems: [{ chain: 'evm:1', address: UNREADABLE, message: `eth_call to ${SECRET_URL} reverted; recorded as an error.` }], differences: [], read: 1, written: true } satisfies VerifyResult;
  };
}

async function start(runVerify: RunVerify, root: string) {
  const c = new LspClient(inProcessServer({ loadVerify: async () => runVerify }));
  const logs: string[] = [];
  const progress: VerifyProgressParams[] = [];
  c.connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
  c.connection.onNotification(VERIFY_PROGRESS, (params: VerifyProgressParams) => void progress.push(params));
  await c.initialize({ rootPath: root });
  return { client: c, logs, progress };
}

const codesOf = (c: LspClient, uri: string) => c.published.get(uri)?.diagnostics.map((d) => d.code) ?? [];

describe('chokepoint.server.verify', () => {
  it('verifies each folder with the chokepoint.rpc URLs, reports progress and what could not be read, and lints the open documents again with the configuration read anew', async () => {
    const one = folder();
    const two = folder();
    const path = join(one, 'deploy-config.json');
    writeFileSync(path, COLLAPSED_DEPLOY_CONFIG);
    const calls: VerifyOptions[] = [];
    const session = await start(recordingVerify(calls), one);
    client = session.client;
    const uri = client.open(path, COLLAPSED_DEPLOY_CONFIG);
    await client.until(() => codesOf(client!, uri).includes('role-collapse'));
    // Written behind the server's back (no watched-file event): only a configuration read anew shows it.
    writeFileSync(join(one, '.chokepoint.yaml'), 'rules:\n  role-collapse: off\n');

    const reply = await client.request<VerifyReply>(VERIFY_REQUEST, { paths: [one, two], rpc: { 1: SECRET_URL, '*': 'wss://any.example.net' }, progressId: 'run-1' });

    expect(calls.map((c) => c.paths)).toEqual([[one], [two]]);
    expect(calls[0].rpc).toEqual({ 'evm:1': SECRET_URL, '*': 'wss://any.example.net' });
    expect(calls[0].signal).toBeInstanceOf(AbortSignal);
    expect(reply.runs.map((r) => [r.path, r.lockFile, r.written, r.chains, r.addresses])).toEqual([
      [one, join(one, 'chokepoint.lock.json'), true, ['evm:1'], 2],
      [two, join(two, 'chokepoint.lock.json'), true, ['evm:1'], 2],
    ]);
    expect(reply.runs[0].problems).toEqual([{ chain: 'evm:1', address: UNREADABLE, message: 'eth_call to rpc.example.org reverted; recorded as an error.' }]);
    expect(JSON.parse(readFileSync(join(one, 'chokepoint.lock.json'), 'utf8'))).toEqual(lockFor());
    await client.until(() => session.progress.length === 4);
    expect(session.progress.map((p) => [p.progressId, p.done, p.total])).toEqual([['run-1', 1, 2], ['run-1', 2, 2], ['run-1', 1, 2], ['run-1', 2, 2]]);
    expect(session.progress[0].what).toBe(`Reading ${SAFE} through rpc.example.org`);

    await client.until(() => !codesOf(client!, uri).includes('role-collapse') && client!.published.get(uri));
    expect(codesOf(client, uri)).toContain('dev-key-authority');

    await client.until(() => session.logs.some((l) => l.startsWith('Wrote ')));
    expect(session.logs.find((l) => l.startsWith('Verifying'))).toBe(`Verifying addresses on chain in ${one}, ${two} through any.example.net, rpc.example.org.`);
    const sent = JSON.stringify({ reply, progress: session.progress, logs: session.logs });
    for (const secret of SECRETS) expect(sent).not.toContain(secret);
  });

  it('says how to set chokepoint.rpc when it is unset, and names a bad entry without its URL; nothing is verified', async () => {
    const dir = folder();
    const calls: VerifyOptions[] = [];
    client = (await start(recordingVerify(calls), dir)).client;
    for (const rpc of [undefined, {}, []]) {
      await expect(client.request(VERIFY_REQUEST, { paths: [dir], rpc })).rejects.toMatchObject({ code: -32602, message: 'chokepoint.rpc is not set: give an RPC URL for each chain id, e.g. "chokepoint.rpc": { "1": "https://…" }, and "*" for any chain.' });
    }
    await expect(client.request(VERIFY_REQUEST, { paths: [dir], rpc: { mainnet: SECRET_URL } })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/^chokepoint\.rpc: "mainnet" is not a chain id/) });
    const notUrl = client.request(VERIFY_REQUEST, { paths: [dir], rpc: { 1: 'rpc.example.org/v2/PATHKEY123' } });
    await expect(notUrl).rejects.toMatchObject({ message: 'chokepoint.rpc: the value for "1" is not an http(s) or ws(s) URL.' });
    await expect(client.request(VERIFY_REQUEST, { paths: [], rpc: { 1: SECRET_URL } })).rejects.toMatchObject({ code: -32602 });
    expect(calls).toEqual([]);
  });

  it('cancelling the request aborts the running verify through its AbortSignal', async () => {
    const dir = folder();
    let seen: AbortSignal | undefined;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const waitsForAbort: RunVerify = (options) =>
      new Promise((_, reject) => {
        seen = options.signal;
        options.signal!.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        started();
      });
    client = (await start(waitsForAbort, dir)).client;
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest(VERIFY_REQUEST, { paths: [dir], rpc: { 1: SECRET_URL } }, source.token);
    await running;
    expect(seen?.aborted).toBe(false);
    source.cancel();
    await expect(request).rejects.toMatchObject({ code: -32800, message: 'Verifying addresses on chain was cancelled.' });
    expect(seen?.aborted).toBe(true);
  });

  it('a failure is a clear error without the URL, and a lock the implementation did not write is not reported as written', async () => {
    const dir = folder();
    const failing: RunVerify = async () => {
      throw new Error(`request to ${SECRET_URL} failed: connect ECONNREFUSED`);
    };
    let session = await start(failing, dir);
    client = session.client;
    await expect(client.request(VERIFY_REQUEST, { paths: [dir], rpc: { 1: SECRET_URL } })).rejects.toMatchObject({ code: -32803, message: 'request to rpc.example.org failed: connect ECONNREFUSED' });
    await client.until(() => session.logs.some((l) => l.includes('failed')));
    for (const secret of SECRETS) expect(session.logs.join('\n')).not.toContain(secret);
    await client.stop();

    const unread: RunVerify = async (options) => ({ lockFile: join(options.paths[0], 'chokepoint.lock.json'), lock: { lockfileVersion: 1, generatedBy: 'stub', chains: {} }, problems: [{ chain: 'evm:1', message: 'Nothing could be read.' }], differences: [], read: 0, written: false }) satisfies VerifyResult;
    session = await start(unread, dir);
    client = session.client;
    const reply = await client.request<VerifyReply>(VERIFY_REQUEST, { paths: [dir], rpc: { '*': SECRET_URL } });
    expect(reply.runs[0]).toMatchObject({ written: false, chains: [], addresses: 0 });
  });

  it('a build without the implementation says so', async () => {
    const missing = () => Promise.reject(Object.assign(new Error("Cannot find module './verify.mjs'"), { code: 'ERR_MODULE_NOT_FOUND' }));
    await expect(loadVerify(missing)).rejects.toThrow("Verifying addresses on chain is not available in this build of Chokepoint: its implementation (dist/verify.mjs) could not be loaded (Cannot find module './verify.mjs').");
    await expect(loadVerify(async () => ({}))).rejects.toThrow('dist/verify.mjs does not provide runVerify');
    const dir = folder();
    client = new LspClient(inProcessServer({ loadVerify: () => loadVerify(missing) }));
    await client.initialize({ rootPath: dir });
    await expect(client.request(VERIFY_REQUEST, { paths: [dir], rpc: { 1: SECRET_URL } })).rejects.toMatchObject({ code: -32803, message: expect.stringContaining('not available in this build') });
  });
});

describe('the bundles', () => {
  it('load the verify implementation only from dist/verify.mjs, on demand, and never on a lint thread', () => {
    const dist = join(REPO_ROOT, 'dist');
    expect(dynamicImports(loadedText(dist, 'server.mjs'))).toContain('verify.mjs');
    expect(loadedWith(dist, 'server.mjs')).not.toContain('verify.mjs');
    for (const worker of ['document-worker.mjs', 'lint-worker.mjs']) {
      const text = loadedText(dist, worker, true);
      expect(text, worker).not.toContain('verify.mjs');
      expect(text, worker).not.toContain('runVerify');
    }
  });
});

describe('chokepoint.rpc', () => {
  it('keys chain ids as the lock does, and keeps "*" for any chain', () => {
    expect(rpcOption({ 1: 'https://a.example', 'evm:10': 'http://b.example:8545', '*': 'ws://c.example' })).toEqual({ 'evm:1': 'https://a.example', 'evm:10': 'http://b.example:8545', '*': 'ws://c.example' });
    expect(() => rpcOption({ 1: 42 })).toThrow('not an http(s) or ws(s) URL');
    expect(() => rpcOption({ 1: 'file:///etc/passwd' })).toThrow('not an http(s) or ws(s) URL');
  });
});
