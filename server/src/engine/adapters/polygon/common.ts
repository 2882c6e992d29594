import { ModelBuilder, type RoleSpec } from '../../model/builder';
import { shortAddress } from '../../model/address';
import { chainIdFrom } from '../../model/read';
import type { Grant } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { evmIdentity, identify } from '../identity';
import { classifyNetwork, networkFromChainId, networkFromName, type NetworkSignal, type NetworkVerdict } from '../networks';

/**
 * Polygon zkEVM / CDK roles (0xPolygonHermez/zkevm-contracts: PolygonZkEVM.sol, the v2 consensus
 * contracts, PolygonZkEVMTimelock.sol, and the deployment READMEs that describe each parameter).
 */
export const POLYGON_ROLES = {
  trustedSequencer: { role: 'trustedSequencer', title: 'Trusted sequencer', powers: ['sequence'], layer: 'execution', critical: true },
  trustedAggregator: { role: 'trustedAggregator', title: 'Trusted aggregator (prover)', powers: ['propose'], layer: 'settlement', critical: true },
  /** v1 `admin`: sets the trusted sequencer and aggregator, the timeouts, turns forced batches on and ends the emergency state. */
  admin: { role: 'admin', title: 'PolygonZkEVM admin', powers: ['set-params'], layer: 'settlement', critical: true },
  /** v2 deploy `admin`: the RollupManager's admin roles (add rollup types, tweak parameters, end the emergency state). */
  rollupManagerAdmin: { role: 'admin', title: 'RollupManager admin', powers: ['set-params'], layer: 'settlement', critical: true },
  /** v2 createRollup `adminZkEVM`: the rollup's consensus contract admin (sequencer, force-batch address and timeout). */
  rollupAdmin: { role: 'admin', title: 'Rollup admin (adminZkEVM)', powers: ['set-params'], layer: 'settlement', critical: true },
  /** v1 `zkEVMOwner`: the kill switch. Emergency state stops the bridge and drops the timelock delay to zero. */
  zkEVMOwner: { role: 'zkEVMOwner', title: 'PolygonZkEVM owner (emergency state)', powers: ['pause'], layer: 'settlement', critical: true },
  emergencyCouncil: { role: 'zkEVMOwner', title: 'Emergency council', powers: ['pause'], layer: 'settlement', critical: true },
  /** Proposer, executor and admin of the PolygonZkEVMTimelock, which owns the ProxyAdmin. */
  timelockAdmin: { role: 'timelockAdmin', title: 'Timelock admin (upgrades through the PolygonZkEVMTimelock)', powers: ['upgrade'], layer: 'settlement', critical: true },
} satisfies Record<string, RoleSpec>;

/** `test: true` deploys the contracts in test mode (zkevm-contracts deployment/v2 README): a test deployment, not a production one. */
function testFlagSignal(test: unknown): NetworkSignal | undefined {
  return test === true ? { network: 'testnet', reason: 'test is true, which makes a test deployment', weight: 'flag' } : undefined;
}

/** The sequencer URL the rollup publishes: a host that resolves only on a local network (localhost, a Docker service name) makes it a devnet. */
function localUrlSignal(url: unknown): NetworkSignal | undefined {
  if (typeof url !== 'string') return undefined;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (!host) return undefined;
  const local = host === 'localhost' || host === '[::1]' || host === '0.0.0.0' || /^127\./.test(host) || !host.includes('.');
  return local ? { network: 'devnet', reason: `trustedSequencerURL points at ${host}, a host only a local network resolves`, weight: 'flag' } : undefined;
}

export function polygonNetwork(value: Record<string, unknown>): NetworkVerdict {
  return classifyNetwork([networkFromChainId(value.chainID, 'chain'), networkFromName(value.networkName), testFlagSignal(value.test), localUrlSignal(value.trustedSequencerURL)]);
}

/**
 * Users' way around the trusted sequencer. PolygonZkEVM v1.1 starts with `isForcedBatchDisallowed`
 * true (only the admin can turn forced batches on); the v2 consensus contracts start with
 * `forceBatchAddress` = the admin, so only the admin may force a batch. Older ProofOfEfficiency
 * parameters say it outright with `forceBatchAllowed`. Either way, a chain deployed from these
 * parameters gives users no forced-inclusion path until its admin opens one.
 */
export function forcedBatches(builder: ModelBuilder, contract: 'v1' | 'v2', sequencer: Grant | undefined): void {
  const who = sequencer ? `the trusted sequencer ${shortAddress(sequencer.holder.raw)}` : 'the trusted sequencer';
  const allowed = builder.boolean(['forceBatchAllowed'], 'forceBatchAllowed');
  if (allowed === true) return;
  if (allowed === false) {
    builder.delay(['forceBatchAllowed'], { kind: 'forced-inclusion', title: `forced batches (forceBatchAllowed is false, so only ${who} includes transactions)`, unit: 'seconds' }, null);
    return;
  }
  if (!sequencer) return;
  const title = contract === 'v1'
    ? `forced batches, which PolygonZkEVM disallows at deployment until the admin turns them on, so only ${who} includes transactions`
    : `forced batches, which the rollup accepts only from its forceBatchAddress, set to the admin at creation, so only ${who} includes transactions`;
  builder.delay(['trustedSequencer'], { kind: 'forced-inclusion', title, unit: 'seconds' }, null);
}

/**
 * `realVerifier`: false deploys VerifierRollupHelperMock, which accepts any proof, so whoever
 * verifies batches decides the state; true deploys the FflonkVerifier (validity proofs).
 */
export function verifier(builder: ModelBuilder): void {
  const real = builder.boolean(['realVerifier'], 'realVerifier');
  if (real === undefined) return;
  const at = builder.origin(['realVerifier']);
  if (real) {
    builder.model.proofSystem = { kind: 'validity', title: 'zkEVM validity proofs checked by the FflonkVerifier (realVerifier true)', at };
    return;
  }
  builder.model.proofSystem = { kind: 'none', title: 'VerifierRollupHelperMock, a mock verifier that accepts any proof (realVerifier false)', at, permissionlessValue: true };
  builder.model.flags.push({
    id: 'realVerifier',
    title: 'realVerifier',
    why: 'deploys VerifierRollupHelperMock instead of the FflonkVerifier; the mock accepts any proof, so whoever verifies batches can finalize any state root and withdraw anything from the bridge',
    value: false,
    safeValue: true,
    source: 'polygonDeployParams',
    at,
  });
}

/** `deployerPvtKey`: the deploying account's private key, which the deployment scripts read from this file. */
export function deployerKey(builder: ModelBuilder): void {
  const key = builder.get(['deployerPvtKey']);
  if (typeof key !== 'string' || key.trim() === '' || /^\$\{?[A-Za-z_]\w*\}?$/.test(key.trim())) return;
  const literal = /^(0x)?[0-9a-fA-F]{64}$/.test(key.trim());
  builder.model.flags.push({
    id: 'deployerPvtKey',
    title: 'deployerPvtKey',
    why: 'puts the deployer\'s private key in plain text in a file that gets copied, shared and committed; the deployer creates the contracts and holds their roles until they are handed over',
    value: literal ? 'a literal private key' : 'a value written in the file',
    remedy: 'Leave deployerPvtKey empty and give the key through the MNEMONIC in .env or a hardware wallet',
    source: 'polygonDeployParams',
    at: builder.origin(['deployerPvtKey']),
  });
}

/** How long the trusted aggregator alone may verify batches; after it, anyone may (verifyBatches). */
export function aggregatorTimeout(builder: ModelBuilder, path: Path): void {
  const seconds = builder.number(path, 'trustedAggregatorTimeout');
  if (seconds === undefined) return;
  builder.delay(path, { kind: 'self-propose', title: 'trusted aggregator timeout (after it, anyone may verify batches)', unit: 'seconds' }, seconds);
  builder.parameter(path, { id: 'trustedAggregatorTimeout', title: 'Trusted aggregator timeout', governs: 'how long a sequenced batch can wait for the trusted aggregator before anyone may verify it with a proof', unit: 'seconds' });
}

export function pendingStateTimeout(builder: ModelBuilder, path: Path): void {
  builder.number(path, 'pendingStateTimeout');
  builder.parameter(path, { id: 'pendingStateTimeout', title: 'Pending state timeout', governs: 'how long a state verified by anyone but the trusted aggregator stays pending, open to a proof that it is non-deterministic, before it is consolidated', unit: 'seconds' });
}

/** The PolygonZkEVMTimelock in front of the ProxyAdmin: `minDelayTimelock` holds back whoever proposes through it. */
export function timelockDelay(builder: ModelBuilder, admin: Grant | undefined): void {
  const seconds = builder.number(['minDelayTimelock'], 'minDelayTimelock');
  if (seconds === undefined) return;
  builder.delay(['minDelayTimelock'], {
    kind: 'upgrade-timelock',
    title: 'PolygonZkEVMTimelock minimum delay (zero while the chain is in emergency state)',
    unit: 'seconds',
    ...(admin ? { appliesTo: admin.holder } : {}),
  }, seconds);
}

export function parameters(builder: ModelBuilder): void {
  builder.parameter(['forkID'], { id: 'forkID', title: 'Fork ID', governs: 'which zkEVM prover (zkROM/executor) version the rollup runs', unit: 'enum' });
  builder.parameter(['consensusContract'], { id: 'consensusContract', title: 'Consensus contract', governs: 'the rollup\'s consensus: PolygonZkEVMEtrog posts data to L1, PolygonValidiumEtrog keeps it with a data-availability committee', unit: 'enum' });
}

/** The builder for a parameters file, with the chain named and classified from its own fields. */
export function parametersBuilder(doc: ParsedDocument, framework: 'polygon-zkevm' | 'polygon-cdk'): ModelBuilder {
  const value = doc.value as Record<string, unknown>;
  const network = polygonNetwork(value);
  const builder = new ModelBuilder(doc, {
    framework,
    name: typeof value.networkName === 'string' ? value.networkName : undefined,
    chainId: chainIdFrom(value.chainID),
    network: network.network,
    networkReason: network.reason,
  });
  identify(builder, [evmIdentity(value.chainID)]);
  return builder;
}
