import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  http,
  pad,
  parseAbi,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from 'viem';
import { foundry } from 'viem/chains';

/**
 * A real local EVM node (anvil, from the @foundry-rs/anvil npm package, which ships the binary in a
 * platform package) and deployments of real contracts from npm artifacts: Safe v1.4.1 through its
 * proxy factory, OpenZeppelin's TimelockController and TransparentUpgradeableProxy (which makes
 * its own ProxyAdmin). Transactions are sent from anvil's unlocked dev accounts, so deployments
 * from a fresh node always land at the same addresses.
 */

const require = createRequire(import.meta.url);

/** anvil's binary from the platform package npm installed beside @foundry-rs/anvil. */
export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [dirname(require.resolve('@foundry-rs/anvil/package.json'))] });
  return join(dirname(manifest), 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
}

export interface Anvil {
  url: string;
  port: number;
  client: PublicClient;
  /** Anvil's first ten dev accounts, unlocked. */
  accounts: Address[];
  wallet(account: Address): WalletClient;
  stop(): Promise<void>;
}

/** Starts anvil on a free port (it picks one: --port 0) and waits until it listens. */
export async function startAnvil(): Promise<Anvil> {
  const child = spawn(anvilBinary(), ['--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`anvil did not start within 20 s:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Listening on [\d.]+:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        // Keep draining its output so the pipe never fills.
        child.stdout!.resume();
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`anvil exited with ${code} before listening:\n${out}`)));
    child.once('error', reject);
  });
  const url = `http://127.0.0.1:${port}`;
  const client = createPublicClient({ chain: foundry, transport: http(url) }) as PublicClient;
  const accounts = (await client.request({ method: 'eth_accounts' } as never)) as Address[];
  return {
    url,
    port,
    client,
    accounts: accounts.map((a) => getAddress(a)),
    wallet: (account) => createWalletClient({ account, chain: foundry, transport: http(url) }),
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

/** A Hardhat or Truffle artifact from an npm package: `@safe-global/safe-contracts/build/artifacts/…/Safe.json`. */
export function npmArtifact(path: string): Artifact {
  const json = JSON.parse(readFileSync(require.resolve(path), 'utf8')) as { abi: Abi; bytecode: Hex };
  return { abi: json.abi, bytecode: json.bytecode };
}

/** Deploys `artifact` from `from` and waits for it; returns its address. */
export async function deploy(anvil: Anvil, from: Address, artifact: Artifact, args: readonly unknown[] = []): Promise<Address> {
  const hash = await anvil.wallet(from).deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args, account: from, chain: foundry });
  const receipt = await anvil.client.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress || receipt.status !== 'success') throw new Error(`deploying failed: ${receipt.status}`);
  return getAddress(receipt.contractAddress);
}

/** Sends a call and waits for it to succeed. */
export async function send(anvil: Anvil, from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<void> {
  const hash = await anvil.wallet(from).writeContract({ address: to, abi, functionName, args, account: from, chain: foundry });
  const receipt = await anvil.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}

const SAFE_ARTIFACTS = '@safe-global/safe-contracts/build/artifacts/contracts';
export const SAFE = npmArtifact(`${SAFE_ARTIFACTS}/Safe.sol/Safe.json`);
const FACTORY = npmArtifact(`${SAFE_ARTIFACTS}/proxies/SafeProxyFactory.sol/SafeProxyFactory.json`);

export interface SafeDeployer {
  singleton: Address;
  factory: Address;
}

/** The Safe v1.4.1 singleton and its proxy factory. */
export async function deploySafeInfrastructure(anvil: Anvil, from: Address): Promise<SafeDeployer> {
  return { singleton: await deploy(anvil, from, SAFE), factory: await deploy(anvil, from, FACTORY) };
}

/** A Safe proxy set up with `owners` and `threshold`, at an address fixed by `salt`. */
export async function deploySafe(anvil: Anvil, from: Address, safes: SafeDeployer, owners: Address[], threshold: number, salt: bigint): Promise<Address> {
  const setup = encodeFunctionData({ abi: SAFE.abi, functionName: 'setup', args: [owners, BigInt(threshold), zeroAddress, '0x', zeroAddress, zeroAddress, 0n, zeroAddress] });
  const { result, request } = await anvil.client.simulateContract({ address: safes.factory, abi: FACTORY.abi, functionName: 'createProxyWithNonce', args: [safes.singleton, setup, salt], account: from });
  const hash = await anvil.wallet(from).writeContract(request as never);
  await anvil.client.waitForTransactionReceipt({ hash });
  return getAddress(result as Address);
}

/**
 * Has `safe` call itself with `data` (changeThreshold, addOwnerWithThreshold…), signed by `signers`,
 * owners that are EOAs: all but the last approve the transaction's hash on chain, the last executes
 * it, and each signature is Safe's "approved hash" form (v = 1, r = the owner).
 */
export async function execBySafe(anvil: Anvil, safe: Address, data: Hex, signers: Address[]): Promise<void> {
  const nonce = (await anvil.client.readContract({ address: safe, abi: SAFE.abi, functionName: 'nonce' })) as bigint;
  const tx = [safe, 0n, data, 0, 0n, 0n, 0n, zeroAddress, zeroAddress] as const;
  const hash = (await anvil.client.readContract({ address: safe, abi: SAFE.abi, functionName: 'getTransactionHash', args: [...tx, nonce] })) as Hex;
  const executor = signers[signers.length - 1];
  for (const signer of signers.slice(0, -1)) await send(anvil, signer, safe, SAFE.abi, 'approveHash', [hash]);
  const signatures = ('0x' +
    [...signers]
      .sort((a, b) => BigInt(a) < BigInt(b) ? -1 : 1)
      .map((owner) => pad(owner, { size: 32 }).slice(2) + '0'.repeat(64) + '01')
      .join('')) as Hex;
  await send(anvil, executor, safe, SAFE.abi, 'execTransaction', [...tx, signatures]);
}

export const OZ = (name: string) => npmArtifact(`@openzeppelin/contracts/build/contracts/${name}.json`);

/** Anvil state to go back to after a test changes the chain. */
export async function snapshot(anvil: Anvil): Promise<() => Promise<void>> {
  const id = (await anvil.client.request({ method: 'evm_snapshot' } as never)) as Hex;
  return async () => {
    await anvil.client.request({ method: 'evm_revert', params: [id] } as never);
  };
}

export const ABI = { safe: SAFE.abi, changeThreshold: parseAbi(['function changeThreshold(uint256 _threshold)']) };
