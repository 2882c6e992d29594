import { ModelBuilder } from '../../model/builder';
import { chainIdFrom, isRecord } from '../../model/read';
import type { ParsedDocument } from '../../parse';
import { evmIdentity, identify } from '../identity';
import { classifyNetwork, networkFromChainId, networkFromName } from '../networks';
import type { Adapter } from '../types';
import { altDaDependency, sequencerWindow } from './common';
import { OP_ROLES, type OpRole } from './roles';

/**
 * `[roles]` keys in superchain-registry chain files (older files list all of them; files of July to
 * December 2024 list the same keys under `[addresses]`, beside the contracts).
 */
const ROLES: [string, OpRole][] = [
  ['ProxyAdminOwner', 'l1ProxyAdminOwner'],
  ['SystemConfigOwner', 'systemConfigOwner'],
  ['Guardian', 'guardian'],
  ['Challenger', 'challenger'],
  ['Proposer', 'proposer'],
  ['UnsafeBlockSigner', 'unsafeBlockSigner'],
  ['BatchSubmitter', 'batcher'],
];

export const opRegistryChain: Adapter = {
  id: 'op-registry-chain',
  framework: 'OP Stack',
  title: 'Superchain Registry chain config',
  describes: 'deployment',
  sniff: /\bchain_id\b/,
  detect(value) {
    if (!isRecord(value)) return 0;
    const roles = [value.roles, value.addresses].some((section) => isRecord(section) && ROLES.some(([key]) => key in section));
    const chainShape = 'chain_id' in value && ('batch_inbox_addr' in value || 'seq_window_size' in value || 'data_availability_type' in value);
    return roles && chainShape ? 0.95 : chainShape ? 0.7 : 0;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const network = classifyNetwork([networkFromChainId(value.chain_id, 'chain'), networkFromName(value.name)]);
    const builder = new ModelBuilder(doc, {
      framework: 'op-stack',
      name: typeof value.name === 'string' ? value.name : undefined,
      chainId: chainIdFrom(value.chain_id),
      network: network.network,
      networkReason: network.reason,
    });
    builder.checkChainId(['chain_id'], 'Chain id');
    identify(builder, [evmIdentity(value.chain_id)]);
    const section = isRecord(value.roles) ? 'roles' : 'addresses';
    for (const [key, role] of ROLES) builder.grant([section, key], OP_ROLES[role]);
    const listed = builder.get([section]);
    if (!isRecord(listed) || !('BatchSubmitter' in listed)) {
      builder.grant(['genesis', 'system_config', 'batcherAddress'], OP_ROLES.batcher);
    }
    sequencerWindow(builder, ['seq_window_size']);
    proofSystemFromAddresses(builder);
    deployedContracts(builder);
    altDa(builder);
    builder.parameter(['governed_by_optimism'], { id: 'governed_by_optimism', title: 'Governed by Optimism', governs: 'whether the chain is upgraded by Optimism governance (the standard 2-of-2 ProxyAdminOwner) rather than its own keys', unit: 'enum' });
    builder.parameter(['data_availability_type'], { id: 'data_availability_type', title: 'Data availability type', governs: 'where transaction data is published: eth-da (Ethereum) is standard; alt-da relies on a separate DA provider', unit: 'enum' });
    return { model: builder.model, problems: builder.problems };
  },
};

const isSet = (value: unknown) => typeof value === 'string' && /^0x[0-9a-f]{40}$/i.test(value) && !/^0x0{40}$/.test(value);

/**
 * What the `[addresses]` of a registry file show of its proof system: an L2OutputOracle (outputs
 * posted by a permissioned proposer, deleted only by the challenger), or a dispute game factory with
 * only the PermissionedDisputeGame deployed. Newer files list neither game, and then the file does not
 * say which game withdrawals respect.
 */
function proofSystemFromAddresses(builder: ModelBuilder): void {
  const addresses = builder.get(['addresses']);
  if (!isRecord(addresses)) return;
  if (isSet(addresses.L2OutputOracleProxy)) {
    builder.model.proofSystem = { kind: 'permissioned-fraud', title: 'the L2OutputOracle, where only the proposer posts outputs and only the challenger can delete them', at: builder.origin(['addresses', 'L2OutputOracleProxy']) };
  } else if (isSet(addresses.PermissionedDisputeGame) && !isSet(addresses.FaultDisputeGame)) {
    builder.model.proofSystem = { kind: 'permissioned-fraud', title: 'permissioned fault proofs: only the PermissionedDisputeGame is deployed, so only the proposer and challenger can play', at: builder.origin(['addresses', 'PermissionedDisputeGame']) };
  }
}

/** The L1 contracts `[addresses]` lists (SystemConfigProxy, OptimismPortalProxy…), where `chokepoint verify` reads the deployed roles. */
function deployedContracts(builder: ModelBuilder): void {
  const addresses = builder.get(['addresses']);
  if (!isRecord(addresses)) return;
  const roleKeys = new Set(ROLES.map(([key]) => key));
  const contracts = Object.keys(addresses)
    .filter((name) => !roleKeys.has(name) && isSet(addresses[name]))
    .flatMap((name) => {
      const address = builder.address(['addresses', name], name);
      return address ? [{ name, address, at: builder.origin(['addresses', name]) }] : [];
    });
  if (contracts.length > 0) builder.model.contracts = contracts;
}

/** `data_availability_type = "alt-da"`: batches go to an alternative DA layer, with only commitments on L1 (OP alt-DA spec). */
function altDa(builder: ModelBuilder): void {
  if (builder.get(['data_availability_type']) !== 'alt-da') return;
  altDaDependency(builder, {
    on: ['data_availability_type'],
    commitment: ['alt_da', 'da_commitment_type'],
    challengeWindow: ['alt_da', 'da_challenge_window'],
    resolveWindow: ['alt_da', 'da_resolve_window'],
  });
}
