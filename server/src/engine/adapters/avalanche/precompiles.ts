import { parseAddress, shortAddress } from '../../model/address';
import { describeType, isPlaceholder, type ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, Power } from '../../model/schema';
import type { Path } from '../../parse';

/**
 * Subnet-EVM stateful precompiles and what their allow-list roles may do
 * (subnet-evm precompile/allowlist/config.go, role.go; precompile/contracts/<name>/module.go).
 * Admin: calls the precompile and sets every role. Manager (Durango+): calls it and sets Enabled.
 * Enabled: calls it. An address may appear in one list only.
 */
interface PrecompileSpec {
  /** Config key in `genesis.config` and in `precompileUpgrades[]`. */
  key: string;
  name: string;
  /** Powers a role holder has through the precompile; undefined: the role has none (an allow-listed sender). */
  roles: { adminAddresses: Power[]; managerAddresses: Power[]; enabledAddresses?: Power[] };
}

export const PRECOMPILES: PrecompileSpec[] = [
  // Any Enabled, Manager or Admin address can call mintNativeCoin, without limit (nativeminter/contract.go).
  { key: 'contractNativeMinterConfig', name: 'Native minter', roles: { adminAddresses: ['mint'], managerAddresses: ['mint'], enabledAddresses: ['mint'] } },
  // Admins and managers decide who may send transactions at all: a censorship switch.
  { key: 'txAllowListConfig', name: 'Transaction allow list', roles: { adminAddresses: ['censor'], managerAddresses: ['censor'] } },
  // Admins and managers decide who may deploy contracts.
  { key: 'contractDeployerAllowListConfig', name: 'Contract deployer allow list', roles: { adminAddresses: ['deploy'], managerAddresses: ['deploy'] } },
  // Enabled and above can setFeeConfig: gas limit, minimum base fee, targets.
  { key: 'feeManagerConfig', name: 'Fee manager', roles: { adminAddresses: ['set-params'], managerAddresses: ['set-params'], enabledAddresses: ['set-params'] } },
  // Enabled and above can setRewardAddress, allowFeeRecipients and disableRewards: redirect the chain's fees.
  { key: 'rewardManagerConfig', name: 'Reward manager', roles: { adminAddresses: ['set-params', 'receive-fees'], managerAddresses: ['set-params', 'receive-fees'], enabledAddresses: ['set-params', 'receive-fees'] } },
];

export const PRECOMPILE_KEYS = [...PRECOMPILES.map((p) => p.key), 'warpConfig'];

const ROLE_NAMES = { adminAddresses: 'admin', managerAddresses: 'manager', enabledAddresses: 'enabled address' } as const;

export interface PrecompileRead {
  /** Whether the config activates the precompile; false for a disabled placeholder or a `disable: true` upgrade. */
  active: boolean;
  /** When it takes effect, in Unix seconds, when the config says. */
  timestamp?: number;
  /** The native minter's initialMint, for a genesis to add to its supply. */
  initialMint: { holder: Address; amount: bigint; path: Path }[];
}

/**
 * Reads one precompile config (a genesis `config.<key>` or one `precompileUpgrades[]` entry).
 * A config whose blockTimestamp is null is disabled (subnet-evm skips it at genesis and rejects it
 * in an upgrade) and grants nothing, as does an upgrade with `disable: true`.
 */
export function readPrecompile(builder: ModelBuilder, base: Path, key: string, where: 'genesis' | 'upgrade'): PrecompileRead {
  const none: PrecompileRead = { active: false, initialMint: [] };
  const config = builder.get(base);
  if (config === undefined || config === null) return none;
  if (!isRecord(config)) {
    builder.problem(base, `${key} should be an object, but it is ${describeType(config)}.`);
    return none;
  }
  const timestamp = config.blockTimestamp;
  if (timestamp === undefined || timestamp === null) {
    if (where === 'upgrade' && config.disable !== true) builder.problem([...base, ...(timestamp === null ? ['blockTimestamp'] : [])], `A precompile upgrade needs a blockTimestamp; subnet-evm rejects ${key} without one, so it grants nothing.`);
    return none;
  }
  if (typeof timestamp !== 'number' && !(typeof timestamp === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(timestamp))) {
    builder.problem([...base, 'blockTimestamp'], `blockTimestamp should be a Unix time in seconds, but it is ${describeType(timestamp)}.`);
    return none;
  }
  const seconds = unixSeconds(timestamp);
  if (config.disable === true) return { ...none, timestamp: seconds };
  // At 0 a role holds from genesis; later, it holds from its activation.
  const from = seconds !== undefined && seconds > 0 ? rfc3339(seconds) : undefined;

  if (key === 'warpConfig') {
    readWarp(builder, base);
    return { active: true, timestamp: seconds, initialMint: [] };
  }
  const spec = PRECOMPILES.find((p) => p.key === key);
  if (!spec) return none;
  const listed = new Map<string, string>();
  for (const list of ['adminAddresses', 'managerAddresses', 'enabledAddresses'] as const) {
    const path = [...base, list];
    const value = builder.get(path);
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      builder.problem(path, `${list} should be a list of addresses, but it is ${describeType(value)}.`);
      continue;
    }
    value.forEach((raw, i) => {
      const address = parseAddress(raw);
      if (!address) return;
      const first = listed.get(address.key);
      if (first) builder.problem([...path, i], `${shortAddress(address.raw)} is also in ${first}; subnet-evm rejects a ${spec.name} config that lists an address twice (precompile/allowlist/config.go).`);
      else listed.set(address.key, list);
    });
    const powers = spec.roles[list];
    if (!powers) {
      // Allow-listed senders or deployers hold no power over others; still check the addresses.
      value.forEach((_, i) => builder.address([...path, i], `${spec.name} ${ROLE_NAMES[list]}`));
      continue;
    }
    value.forEach((_, i) => {
      const grant = builder.grant([...path, i], {
        role: `${key}.${list}`,
        title: `${spec.name} ${ROLE_NAMES[list]}`,
        powers,
        layer: 'execution',
        critical: true,
      });
      if (grant && from) grant.from = from;
    });
  }
  if (key === 'rewardManagerConfig') {
    const rewardPath = [...base, 'initialRewardConfig', 'rewardAddress'];
    const grant = builder.grant(rewardPath, { role: 'rewardAddress', title: 'Reward address (initialRewardConfig)', powers: ['receive-fees'], layer: 'execution', critical: false });
    if (grant && from) grant.from = from;
  }
  return { active: true, timestamp: seconds, initialMint: key === 'contractNativeMinterConfig' ? readInitialMint(builder, [...base, 'initialMint']) : [] };
}

/** The roles a precompile's config can grant, which disabling it ends: its allow lists and, for the reward manager, the reward address. */
export function rolesOf(key: string): string[] {
  const spec = PRECOMPILES.find((p) => p.key === key);
  if (!spec) return [];
  return [...(['adminAddresses', 'managerAddresses', 'enabledAddresses'] as const).map((list) => `${key}.${list}`), ...(key === 'rewardManagerConfig' ? ['rewardAddress'] : [])];
}

export function precompileName(key: string): string | undefined {
  return PRECOMPILES.find((p) => p.key === key)?.name;
}

/** A blockTimestamp (Unix seconds, decimal or hex); undefined when it is not one or beyond year 9999. */
export function unixSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(value.trim()) ? Number(value.trim()) : undefined;
  if (seconds === undefined || !Number.isSafeInteger(seconds) || seconds < 0 || seconds > 253_402_300_799) return undefined;
  return seconds;
}

export function rfc3339(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Warp's quorumNumerator: the percentage of stake whose signatures make a cross-chain message valid here; 0 or absent means the default 67. */
function readWarp(builder: ModelBuilder, base: Path): void {
  const path = [...base, 'quorumNumerator'];
  const value = builder.number(path, 'quorumNumerator');
  if (value === undefined || value === 0) return;
  if (value > 100 || value < 33) builder.problem(path, `quorumNumerator must be between 33 and 100 (subnet-evm warp/config.go); ${value} is rejected.`);
  builder.parameter(path, {
    id: 'quorumNumerator',
    title: 'Warp quorum numerator',
    governs: 'the percentage of the source chain\'s validator stake whose signatures make a cross-chain (Warp/ICM) message valid here; below 67, a smaller coalition of validators can forge messages to this chain',
    unit: 'percent',
    standard: 'warpQuorumMin',
    bound: 'at-least',
  });
}

/** `initialMint: { address: amount }`, amounts as hex or decimal. */
function readInitialMint(builder: ModelBuilder, path: Path): PrecompileRead['initialMint'] {
  const value = builder.get(path);
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    builder.problem(path, `initialMint should be an object of address → amount, but it is ${describeType(value)}.`);
    return [];
  }
  const minted: PrecompileRead['initialMint'] = [];
  for (const [raw, amountValue] of Object.entries(value)) {
    const holder = isPlaceholder(raw) ? undefined : parseAddress(raw);
    if (!holder) {
      builder.problem([...path, raw], `"${raw.slice(0, 80)}" in initialMint is not an address.`);
      continue;
    }
    const amount = bigAmount(amountValue);
    if (amount === undefined) {
      builder.problem([...path, raw], `The initialMint amount should be a hex or decimal integer, but it is ${describeType(amountValue)}.`);
      continue;
    }
    if (amount > 0n) minted.push({ holder, amount, path: [...path, raw] });
  }
  return minted;
}

/** An integer amount written as a number, a decimal string or a 0x hex string. */
export function bigAmount(value: unknown): bigint | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^0x[0-9a-f]+$/i.test(text)) return BigInt(text);
  if (/^\d+$/.test(text)) return BigInt(text);
  return undefined;
}
