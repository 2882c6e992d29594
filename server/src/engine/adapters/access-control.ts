import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import type { GenesisAccount } from './evm-storage';

/**
 * Who holds the roles of an OpenZeppelin TimelockController written into a genesis. AccessControl
 * keeps `mapping(bytes32 role => RoleData) _roles` in slot 0, and RoleData's first field is
 * `mapping(address => bool) members`, so an account holds a role when the slot
 * keccak256(account . keccak256(role . 0)) holds 1. The slots are hashes: only an address the file
 * writes somewhere can be recognized (sources: OpenZeppelin Contracts v4 AccessControl.sol and
 * TimelockController.sol; Solidity's storage layout of mappings).
 */

export type TimelockRole = 'proposer' | 'executor' | 'canceller' | 'admin';

const word = (hex: string) => hex.replace(/^0x/i, '').padStart(64, '0');
const hash = (hex: string) => bytesToHex(keccak_256(hexToBytes(hex)));

const ROLE_IDS: [TimelockRole, string][] = [
  ['proposer', bytesToHex(keccak_256(utf8ToBytes('PROPOSER_ROLE')))],
  ['executor', bytesToHex(keccak_256(utf8ToBytes('EXECUTOR_ROLE')))],
  ['canceller', bytesToHex(keccak_256(utf8ToBytes('CANCELLER_ROLE')))],
  ['admin', bytesToHex(keccak_256(utf8ToBytes('TIMELOCK_ADMIN_ROLE')))],
  // OpenZeppelin v5 gives the timelock's admin DEFAULT_ADMIN_ROLE (zero) instead.
  ['admin', word('0')],
];

/** The base slot of each role's members mapping: keccak256(role . 0). */
const ROLE_SLOTS: [TimelockRole, string][] = ROLE_IDS.map(([role, id]) => [role, hash(id + word('0'))]);

/** Past this many addresses in the file, role holders are not searched for (the holder stays unknown, as without this reader). */
const MAX_CANDIDATES = 2000;

/** One holder of timelock roles: the roles, in a fixed order, and the storage key written for the first. */
export interface RoleHolder {
  roles: TimelockRole[];
  key: string;
}

/**
 * The holders among `candidates` (0x-prefixed addresses) of the timelock's roles, by address. A
 * holder's slot must hold a non-zero word (Solidity writes `true` as 1).
 */
export function timelockRoleHolders(timelock: GenesisAccount, candidates: ReadonlySet<string>): Map<string, RoleHolder> {
  const holders = new Map<string, RoleHolder>();
  // Five hashes a candidate, about 10 µs each: a genesis of a few dozen accounts costs nothing, a hostile one is not tried.
  if (candidates.size > MAX_CANDIDATES || ![...timelock.storage.values()].some((slot) => isTrue(slot.value))) return holders;
  for (const candidate of candidates) {
    for (const [role, base] of ROLE_SLOTS) {
      const slot = timelock.storage.get(BigInt(`0x${hash(word(candidate) + base)}`));
      if (!slot || !isTrue(slot.value)) continue;
      const holder = holders.get(candidate) ?? { roles: [], key: slot.key };
      if (!holder.roles.includes(role)) holder.roles.push(role);
      holders.set(candidate, holder);
    }
  }
  return holders;
}

function isTrue(value: unknown): boolean {
  return typeof value === 'string' && /^(0x)?0*1$/i.test(value.trim());
}
