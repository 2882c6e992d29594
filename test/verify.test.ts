/**
 * `chokepoint verify` against a real local node: anvil from npm, real Safe v1.4.1 and OpenZeppelin
 * contracts from their npm artifacts, and minimal OP Stack and Orbit stand-ins compiled with solc.
 * The CLI runs as built (dist/cli.js loading dist/verify.mjs), as a user runs it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { encodeFunctionData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockFileSchema, type LockFile } from '../server/src/engine/lock/schema';
import { runVerify } from '../server/src/verify/index';
import { ABI, execBySafe, snapshot, startAnvil, type Anvil } from './helpers/anvil';
import { deployScenario, writeConfigs, type Scenario } from './helpers/anvil-scenario';
import { dynamicImports, loadedText, loadedWith } from './helpers/bundles';
import { buildIfMissing, REPO, temporaryFolders } from './helpers/cli-run';

const GOLDEN = join(REPO, 'test', 'golden', 'verify.lock.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const SECRET = /SECRET/;

/** A rollup registry file whose batcher (genesis.system_config) is not the one the chain's SystemConfig holds; its roles are the nested case. */
const REGISTRY = `name = "Verify Test Chain"
chain_id = 4242
batch_inbox_addr = "0xff00000000000000000000000000000000004242"
seq_window_size = 3600
data_availability_type = "eth-da"

[genesis.system_config]
  batcherAddress = "{{configBatcher}}"

[roles]
  ProxyAdminOwner = "{{timelock}}"
  SystemConfigOwner = "{{outerSafe}}"
  Guardian = "{{outerSafe}}"
  Challenger = "{{outerSafe}}"
  Proposer = "{{proposer}}"
  UnsafeBlockSigner = "{{unsafeBlockSigner}}"

[addresses]
  SystemConfigProxy = "{{systemConfigProxy}}"
  OptimismPortalProxy = "{{portal}}"
  DisputeGameFactoryProxy = "{{disputeGameFactory}}"
`;

const ORBIT_CHAIN_INFO = `[
  {
    "chain-id": 4343,
    "parent-chain-id": 31337,
    "chain-name": "verify-test-orbit",
    "chain-config": { "chainId": 4343, "arbitrum": { "InitialChainOwner": "{{upgradeExecutor}}", "DataAvailabilityCommittee": false } },
    "rollup": { "upgrade-executor": "{{upgradeExecutor}}", "deployed-at": 1 }
  }
]
`;

const NESTED_CONFIG = `entities:
  security-council:
    kind: multisig
    threshold: 2
    signers: 3
    addresses: ["{{outerSafe}}"]
`;

const deployConfig = (l1: number, l2: number, owner: string, proxyAdminOwner: string, l2Role = '') => `{${l2Role}
  "l1ChainID": ${l1},
  "l2ChainID": ${l2},
  "sequencerWindowSize": 3600,
  "p2pSequencerAddress": "{{unsafeBlockSigner}}",
  "batchSenderAddress": "{{batcher}}",
  "l2OutputOracleProposer": "{{proposer}}",
  "l2OutputOracleChallenger": "{{a}}",
  "finalSystemOwner": "{{${owner}}}",
  "proxyAdminOwner": "{{${proxyAdminOwner}}}"
}
`;

/** Addresses a config declares a multisig: an EOA, and a contract that is a Safe only in part. */
const ERRORS_CONFIG = `entities:
  ops-multisig:
    kind: multisig
    threshold: 2
    signers: 3
    addresses: ["{{notASafe}}"]
  partial-safe:
    kind: multisig
    addresses: ["{{brokenSafe}}"]
`;

let anvil: Anvil;
let scenario: Scenario;
const newDir = temporaryFolders('chokepoint-verify-');

function folder(files: Record<string, string>): string {
  const dir = newDir();
  writeConfigs(dir, scenario, files, (path, text) => writeFileSync(path, text));
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, asynchronously: the servers these tests run in this process must keep answering. */
function cli(args: string[], cwd = REPO): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    const child = spawn(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const readLockFile = (file: string): LockFile => LockFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const lower = (a: string) => a.toLowerCase();

/** A port nothing listens on: one a server had, then closed. */
async function deadPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and never answers. */
let silent: { server: ReturnType<typeof createTcpServer>; sockets: Socket[]; port: number };
/** An HTTP server that forwards every request, whatever its path, to anvil: an RPC whose URL holds a key. */
let keyed: { server: Server; port: number };

beforeAll(async () => {
  buildIfMissing(join(REPO, 'dist', 'verify.mjs'));
  anvil = await startAnvil();
  scenario = await deployScenario(anvil);

  const sockets: Socket[] = [];
  const tcp = createTcpServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  silent = { server: tcp, sockets, port: (tcp.address() as { port: number }).port };

  const http = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', async () => {
      const answer = await fetch(anvil.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  keyed = { server: http, port: (http.address() as { port: number }).port };
}, 120_000);

afterAll(async () => {
  for (const socket of silent?.sockets ?? []) socket.destroy();
  silent?.server.close();
  keyed?.server.close();
  await anvil?.stop();
});

/** The lock with what changes from run to run made stable: the block's time and the RPC's port. */
function stable(text: string): string {
  return text
    .replace(/"timestamp": "[^"]+"/g, '"timestamp": "<block time>"')
    .replace(/"rpcHost": "127\.0\.0\.1:\d+"/g, '"rpcHost": "127.0.0.1:<port>"')
    .replace(/"generatedBy": "chokepoint [^"]+"/, '"generatedBy": "chokepoint <version>"');
}

describe('the verifier is an entry of its own', () => {
  it('dist/cli.mjs and what it loads hold no viem; it imports dist/verify.mjs only for verify, so lint never loads a network client', () => {
    const dist = join(REPO, 'dist');
    const cli = loadedText(dist, 'cli.mjs');
    expect(cli).not.toMatch(/createPublicClient|HttpRequestError/);
    expect(loadedWith(dist, 'cli.mjs')).not.toContain('verify.mjs');
    // The verify command imports it on demand, as does the language server `chokepoint lsp` starts (itself imported on demand).
    expect(dynamicImports(cli)).toContain('verify.mjs');
    expect(readFileSync(join(dist, 'verify.mjs'), 'utf8')).toMatch(/createPublicClient/);
  });
});

describe('chokepoint verify on a local node', () => {
  it('writes the lock: Safes, the timelock, the ProxyAdmin chain, the UpgradeExecutor and the OP roles the chain reports', async () => {
    const dir = folder({ '.chokepoint.yaml': NESTED_CONFIG, 'chain.toml': REGISTRY, 'chain-info.json': ORBIT_CHAIN_INFO });
    const run = await cli(['verify', dir, '--rpc', anvil.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const file = join(dir, 'chokepoint.lock.json');
    expect(run.stdout).toMatch(/^Wrote .*chokepoint\.lock\.json:\n {2}evm:31337 at block \d+ \(127\.0\.0\.1:\d+\): \d+ addresses \(2 Safes, 1 timelock, 1 UpgradeExecutor, \d+ EOAs, \d+ other contracts\); rollup evm:4242: 8 roles\n$/);
    const lock = readLockFile(file);
    const s = scenario;
    const chain = lock.chains['evm:31337'];
    expect(chain.addresses[lower(s.outerSafe)]).toEqual({ kind: 'safe', threshold: 2, owners: [s.innerSafe, s.a, s.b].map(lower).sort(), modules: [], guard: null, version: '1.4.1' });
    expect(chain.addresses[lower(s.innerSafe)]).toMatchObject({ kind: 'safe', threshold: 1, owners: [lower(s.c)] });
    expect(chain.addresses[lower(s.timelock)]).toEqual({ kind: 'timelock', minDelay: 86_400, proposers: [lower(s.outerSafe)], executors: [lower(s.outerSafe)], cancellers: [lower(s.outerSafe)] });
    expect(chain.addresses[lower(s.systemConfigProxy)]).toEqual({ kind: 'contract', owner: lower(s.outerSafe), proxy: { admin: lower(s.proxyAdmin), implementation: lower(s.systemConfigImpl) } });
    expect(chain.addresses[lower(s.proxyAdmin)]).toEqual({ kind: 'contract', owner: lower(s.timelock) });
    expect(chain.addresses[lower(s.upgradeExecutor)]).toEqual({ kind: 'upgrade-executor', executors: [lower(s.outerSafe)] });
    for (const key of ['a', 'b', 'c', 'proposer', 'batcher', 'configBatcher', 'unsafeBlockSigner'] as const) expect(chain.addresses[lower(s[key])], key).toEqual({ kind: 'eoa' });
    // The implementation holds no power and is not followed.
    expect(chain.addresses[lower(s.systemConfigImpl)]).toBeUndefined();
    expect(chain.rollups).toEqual({
      'evm:4242': {
        batcher: lower(s.batcher),
        challenger: lower(s.outerSafe),
        guardian: lower(s.outerSafe),
        l1ProxyAdminOwner: lower(s.timelock),
        proposer: lower(s.proposer),
        respectedGameType: 1,
        systemConfigOwner: lower(s.outerSafe),
        unsafeBlockSigner: lower(s.unsafeBlockSigner),
      },
    });
    // The chain's batcher is not the config's: both are recorded, so lint can tell them apart.
    expect(chain.rollups!['evm:4242'].batcher).not.toBe(lower(s.configBatcher));
    expect(chain.rpcHost).toBe(`127.0.0.1:${anvil.port}`);
    expect(chain.block.number).toBe(Number(await anvil.client.getBlockNumber({ cacheTime: 0 })));

    const text = readFileSync(file, 'utf8');
    if (UPDATE) writeFileSync(GOLDEN, stable(text));
    expect(existsSync(GOLDEN), 'test/golden/verify.lock.json is missing: run with UPDATE_GOLDEN=1').toBe(true);
    expect(stable(text), 'the lock changed; if on purpose, rerun with UPDATE_GOLDEN=1 and review the diff').toBe(readFileSync(GOLDEN, 'utf8'));

    // The same chain, read again, gives the same bytes.
    const again = await cli(['verify', dir, '--rpc', anvil.url]);
    expect(again.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  }, 60_000);

  it('then lint, offline, uses the lock: nested collusion, a declaration the chain contradicts, and the config\'s batcher that drifted', async () => {
    // The config declares the Safe a 6-of-8 council; the chain says 2-of-3 (one owner a 1-of-1 Safe).
    const wrong = NESTED_CONFIG.replace('threshold: 2', 'threshold: 6').replace('signers: 3', 'signers: 8');
    const dir = folder({ '.chokepoint.yaml': wrong, 'chain.toml': REGISTRY });
    expect((await cli(['verify', dir, '--rpc', anvil.url])).code).toBe(0);

    const lint = await cli(['lint', dir, '--format', 'json', '--fail-on', 'none']);
    expect(lint.stderr).toBe('');
    const report = JSON.parse(lint.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; message: string }[] }[] };
    const findings = report.files.flatMap((f) => f.findings);
    const s = scenario;
    // The .chokepoint.yaml entity says 6-of-8; the lock says what the chain holds.
    const mismatch = findings.filter((f) => f.ruleId === 'declaration-mismatch');
    expect(mismatch.length).toBeGreaterThan(0);
    expect(mismatch[0].severity).toBe('error');
    expect(mismatch[0].message).toMatch(/2/);
    // The registry file's batcher is not the one the chain's SystemConfig holds.
    const drift = findings.filter((f) => f.ruleId === 'config-drift');
    const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`.toLowerCase();
    expect(drift.map((f) => f.message.toLowerCase()).filter((m) => m.includes('as the batcher') && m.includes(short(s.configBatcher)) && m.includes(lower(s.batcher)))).toHaveLength(1);
    // Undeclared holders the lock resolved are no longer asked about.
    const asked = findings.filter((f) => f.ruleId === 'unverified-authority' && f.severity !== 'info');
    for (const key of ['timelock', 'outerSafe'] as const) expect(asked.some((f) => f.message.toLowerCase().includes(lower(s[key]).slice(0, 6))), key).toBe(false);

    // Who must collude to upgrade: the ProxyAdmin owner is the timelock, proposed to by the 2-of-3 Safe whose owners are two keys and a 1-of-1 Safe: 2 parties.
    const md = await cli(['report', dir, '-f', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/Fewest parties to collude: \*\*2\*\*/);
    expect(md.stdout).toMatch(/verified/);
  }, 60_000);

  it('--check exits 0 while the chain matches, and 1 with one sentence when a Safe\'s threshold changes on chain', async () => {
    const dir = folder({ '.chokepoint.yaml': NESTED_CONFIG, 'chain.toml': REGISTRY });
    expect((await cli(['verify', dir, '--rpc', anvil.url])).code).toBe(0);
    const lock = readFileSync(join(dir, 'chokepoint.lock.json'), 'utf8');

    const matching = await cli(['verify', dir, '--rpc', anvil.url, '--check']);
    expect(matching.stderr).toBe('');
    expect(matching.stdout).toMatch(/chokepoint\.lock\.json matches the chain/);
    expect(matching.code).toBe(0);

    const restore = await snapshot(anvil);
    try {
      // The 2-of-3 Safe lowers its own threshold, signed by two of its owners.
      await execBySafe(anvil, scenario.outerSafe, encodeFunctionData({ abi: ABI.changeThreshold, functionName: 'changeThreshold', args: [1n] }), [scenario.a, scenario.b]);
      const changed = await cli(['verify', dir, '--rpc', anvil.url, '--check']);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toContain(`no longer matches the chain (1 difference):\n  evm:31337 ${lower(scenario.outerSafe)}: threshold was 2, now 1.\n`);
      expect(readFileSync(join(dir, 'chokepoint.lock.json'), 'utf8'), '--check never writes').toBe(lock);
    } finally {
      await restore();
    }
  }, 60_000);

  it('a network error, a timeout, a non-contract declared a Safe and a revert each give a clear message and a partial lock, never a crash', async () => {
    const dir = folder({
      '.chokepoint.yaml': ERRORS_CONFIG,
      // The governance token's owner acts on the L2 itself, for which no URL is given.
      'deploy-config.json': deployConfig(31337, 5151, 'notASafe', 'brokenSafe', '\n  "governanceTokenOwner": "{{c}}",'),
      'deploy-config-down.json': deployConfig(999, 5252, 'a', 'b'),
      'deploy-config-silent.json': deployConfig(998, 5353, 'a', 'b'),
    });
    const down = `http://127.0.0.1:${await deadPort()}/v2/SECRET-KEY?apikey=SECRET-QUERY`;
    const hanging = `http://user:SECRET-PASSWORD@127.0.0.1:${silent.port}/SECRET-PATH`;
    const run = await cli(['verify', dir, '--rpc', `31337=${anvil.url}`, '--rpc', `999=${down}`, '--rpc', `998=${hanging}`, '--timeout', '400']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(SECRET);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain(`Nothing was read on evm:999 for evm:5252: could not reach 127.0.0.1:${new URL(down).port} for eth_chainId (connection refused).`);
    expect(lines).toContain(`Nothing was read on evm:998 for evm:5353: 127.0.0.1:${silent.port} did not answer eth_chainId within 400 ms.`);
    expect(lines).toContain('No RPC URL for evm:5151, where the 1 address of evm:5151 acts: pass --rpc 5151=URL (given: evm:31337, evm:999, evm:998).');
    const s = scenario;
    expect(lines).toContain(`Read ${lower(s.notASafe)} on evm:31337 only in part: expected a Safe (ops-multisig is declared a 2-of-3 multisig in .chokepoint.yaml), but there is no code at this address: it is a single key (EOA); the lock records what was read, with this error.`);
    expect(lines).toContain(`Read ${lower(s.brokenSafe)} on evm:31337 only in part: getOwners() reverted (owners unavailable); the lock records what was read, with this error.`);

    const lockText = readFileSync(join(dir, 'chokepoint.lock.json'), 'utf8');
    expect(lockText).not.toMatch(SECRET);
    const lock = LockFileSchema.parse(JSON.parse(lockText));
    expect(Object.keys(lock.chains)).toEqual(['evm:31337']);
    const addresses = lock.chains['evm:31337'].addresses;
    expect(addresses[lower(s.notASafe)]).toEqual({ kind: 'eoa', error: 'expected a Safe (ops-multisig is declared a 2-of-3 multisig in .chokepoint.yaml), but there is no code at this address: it is a single key (EOA)' });
    expect(addresses[lower(s.brokenSafe)]).toEqual({ kind: 'safe', threshold: 2, version: '1.4.1', guard: null, error: 'getOwners() reverted (owners unavailable)' });
    expect(addresses[lower(s.batcher)]).toEqual({ kind: 'eoa' });
    // An L2 role is not read on the L1, where its address would say nothing of the L2.
    expect(addresses[lower(s.c)]).toBeUndefined();
  }, 60_000);

  it('when nothing can be read it exits 2 and writes no lock; a URL\'s path, query and credentials never appear', async () => {
    const dir = folder({ '.chokepoint.yaml': NESTED_CONFIG, 'chain.toml': REGISTRY });
    const down = `https://user:SECRET-PASSWORD@127.0.0.1:${await deadPort()}/v3/SECRET-KEY?key=SECRET-QUERY`;
    const run = await cli(['verify', dir, '--rpc', down]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(SECRET);
    expect(run.stderr).toMatch(/^Nothing was read on the chain for Verify Test Chain \(evm:4242\): could not reach 127\.0\.0\.1:\d+ for eth_chainId \(connection refused\)\.\nNothing could be read on chain, so .*chokepoint\.lock\.json was not written\.\n$/);
    expect(existsSync(join(dir, 'chokepoint.lock.json'))).toBe(false);

    // Read through a URL that holds a key in its path and query: the lock keeps only the host.
    const keyedUrl = `http://user:SECRET-PASSWORD@127.0.0.1:${keyed.port}/v2/SECRET-KEY?apikey=SECRET-QUERY`;
    const read = await cli(['verify', dir, '--rpc', keyedUrl]);
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout + read.stderr).not.toMatch(SECRET);
    const text = readFileSync(join(dir, 'chokepoint.lock.json'), 'utf8');
    expect(text).not.toMatch(SECRET);
    expect(readLockFile(join(dir, 'chokepoint.lock.json')).chains['evm:31337'].rpcHost).toBe(`127.0.0.1:${keyed.port}`);

    // A chain that cannot be read keeps what the lock recorded of it.
    const kept = await cli(['verify', dir, '--rpc', down]);
    expect(kept.code).toBe(2);
    expect(readFileSync(join(dir, 'chokepoint.lock.json'), 'utf8')).toBe(text);
  }, 60_000);

  it('the API the editor calls: progress, problems by address, --depth, and the lock beside .chokepoint.yaml', async () => {
    const root = folder({ '.chokepoint.yaml': NESTED_CONFIG });
    mkdirSync(join(root, 'chains'));
    writeConfigs(join(root, 'chains'), scenario, { 'chain.toml': REGISTRY }, (path, text) => writeFileSync(path, text));
    const progress: [number, number][] = [];
    const result = await runVerify({ paths: [join(root, 'chains')], rpc: { 'evm:31337': anvil.url }, maxDepth: 1, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.lockFile).toBe(join(root, 'chokepoint.lock.json'));
    expect(result.written).toBe(true);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    // The registry file names no L1, so the URL given for the only chain serves it.
    const addresses = result.lock.chains['evm:31337'].addresses;
    // Two levels: the configs' addresses and those acting for them; the 1-of-1 Safe's owner is a third.
    expect(addresses[lower(scenario.innerSafe)]).toMatchObject({ kind: 'safe' });
    expect(addresses[lower(scenario.c)]).toBeUndefined();
    expect(result.problems.map((p) => p.message)).toEqual([`1 address lies more than 1 level below the configs' addresses on evm:31337 and was not read (${lower(scenario.c)}): raise --depth to follow them.`]);

    // Cancelled, it stops with an AbortError and writes nothing.
    const other = folder({ 'chain.toml': REGISTRY });
    const controller = new AbortController();
    const cancelled = runVerify({ paths: [other], rpc: { '*': anvil.url }, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(join(other, 'chokepoint.lock.json'))).toBe(false);
  }, 60_000);

  it('usage errors exit 2 with one sentence: no URL, a URL that is not http(s), nothing to check', async () => {
    const dir = folder({ 'chain.toml': REGISTRY });
    const noUrl = await cli(['verify', dir]);
    expect([noUrl.code, noUrl.stderr]).toEqual([2, 'chokepoint: verify needs an RPC URL: pass --rpc URL, or --rpc CHAIN_ID=URL for each chain.\n']);
    const notHttp = await cli(['verify', dir, '--rpc', 'ws://127.0.0.1:1/SECRET']);
    expect([notHttp.code, notHttp.stderr]).toEqual([2, 'chokepoint: The RPC URL is not an http:// or https:// URL.\n']);
    const nothing = await cli(['verify', dir, '--rpc', anvil.url, '--check']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^chokepoint: There is no lock to check at .*chokepoint\.lock\.json: run "chokepoint verify" first, or pass --lock\.\n$/);
  }, 60_000);
});
