import { isUnset, namedParty, parseAddress } from '../../model/address';
import { blake2b } from '../../model/blake2b';
import type { ModelBuilder } from '../../model/builder';
import { toHex } from '../../model/encodings';
import { isRecord } from '../../model/read';
import type { Address } from '../../model/schema';
import type { Path } from '../../parse';
import { emptyFacts, type Account, type AmountEntry, type AuthorityGroup, type CouncilFacts, type GenesisFacts, type WeightedAccount } from './facts';
import { hexBytes, ScaleError, ScaleReader } from './scale';
import { storageKey, twox128 } from './twox';

/**
 * Reads a raw genesis (`genesis.raw.top`): the storage trie as `0x<key>: 0x<SCALE value>`. Only
 * well-known plain storage items are decoded; their keys are twox128(pallet) ++ twox128(item),
 * computed here rather than copied, so the key table cannot drift from the names it claims.
 */

/** `:grandpa_authorities`, the well-known key older runtimes keep GRANDPA's set under (sp-finality-grandpa). */
export const GRANDPA_AUTHORITIES_KEY = `0x${toHex(new TextEncoder().encode(':grandpa_authorities'))}`;

const KEYS = {
  sudo: storageKey('Sudo', 'Key'),
  invulnerables: storageKey('CollatorSelection', 'Invulnerables'),
  candidacyBond: storageKey('CollatorSelection', 'CandidacyBond'),
  desiredCandidates: storageKey('CollatorSelection', 'DesiredCandidates'),
  sessionValidators: storageKey('Session', 'Validators'),
  aura: storageKey('Aura', 'Authorities'),
  babe: storageKey('Babe', 'Authorities'),
  grandpa: storageKey('Grandpa', 'Authorities'),
  stakingInvulnerables: storageKey('Staking', 'Invulnerables'),
};

/** Collective and membership pallets as runtimes commonly name them (older runtimes prefix instances: `Instance1Collective`). */
const COUNCILS: [pallet: string, name: string][] = [
  ['Council', 'Council'],
  ['TechnicalCommittee', 'Technical committee'],
  ['CouncilMembership', 'Council membership'],
  ['TechnicalMembership', 'Technical membership'],
  ['Instance1Collective', 'Council'],
  ['Instance2Collective', 'Technical committee'],
  ['Instance1Membership', 'Council membership'],
  ['Instance2Membership', 'Technical membership'],
  ['GeneralCouncil', 'General council'],
];

const PALLET_PREFIX = {
  collatorSelection: `0x${twox128('CollatorSelection')}`,
  staking: `0x${twox128('Staking')}`,
  tokenVoting: ['Democracy', 'Referenda', 'ConvictionVoting', 'Elections', 'PhragmenElection'].map((pallet) => `0x${twox128(pallet)}`),
  systemAccount: storageKey('System', 'Account'),
};

export function readRawGenesis(builder: ModelBuilder, topPath: Path): GenesisFacts {
  const facts = emptyFacts();
  const top = builder.get(topPath);
  if (!isRecord(top)) {
    builder.problem(topPath, 'genesis.raw.top should be an object of storage keys and values.');
    return facts;
  }
  const raw = new RawReader(builder, topPath, top);

  facts.sudo = raw.single(KEYS.sudo, 'Sudo::Key', 'the sudo account');

  const aura = raw.accounts(KEYS.aura, 'Aura::Authorities', false);
  const babe = raw.accounts(KEYS.babe, 'Babe::Authorities', true);
  const grandpa = raw.accounts(KEYS.grandpa, 'Grandpa::Authorities', true) ?? raw.grandpaLegacy();
  const validators = raw.accounts(KEYS.sessionValidators, 'Session::Validators', false);
  const invulnerables = raw.accounts(KEYS.invulnerables, 'CollatorSelection::Invulnerables', false);
  const stakingInvulnerables = raw.accounts(KEYS.stakingInvulnerables, 'Staking::Invulnerables', false);
  const parachain = raw.hasPrefix(PALLET_PREFIX.collatorSelection);
  facts.staking = raw.hasPrefix(PALLET_PREFIX.staking);
  facts.tokenVoting = facts.staking || PALLET_PREFIX.tokenVoting.some((prefix) => raw.hasPrefix(prefix));

  const group = (spec: Omit<AuthorityGroup, 'members' | 'at'>, found: { members: WeightedAccount[]; at: Path } | undefined) => {
    if (found && found.members.length > 0) facts.groups.push({ ...spec, ...found });
  };
  group({ id: 'invulnerables', title: 'Invulnerable collator', setTitle: 'collator set', powers: ['sequence'] }, invulnerables);
  group({ id: 'session', title: parachain ? 'Session collator' : 'Session validator', setTitle: parachain ? 'collator set' : 'validator set', powers: ['sequence'] }, validators);
  // Aura and BABE keys are the session keys of the session validators; list them only when there is no session set.
  if (!validators?.members.length) {
    group({ id: 'aura', title: 'Aura authority', setTitle: 'Aura authority set', powers: ['sequence'] }, aura);
    group({ id: 'babe', title: 'BABE authority', setTitle: 'BABE authority set', powers: ['sequence'] }, babe);
  }
  group({ id: 'grandpa', title: 'GRANDPA authority', setTitle: 'GRANDPA finality set', powers: ['finalize'] }, grandpa);
  group({ id: 'staking-invulnerables', title: 'Staking invulnerable (cannot be slashed)', setTitle: 'invulnerable validator set', powers: ['sequence', 'finalize'] }, stakingInvulnerables);

  if (parachain) {
    const bond = raw.integer(KEYS.candidacyBond, 'CollatorSelection::CandidacyBond', [8, 16]);
    const desired = raw.integer(KEYS.desiredCandidates, 'CollatorSelection::DesiredCandidates', [4]);
    facts.collatorSelection = {
      invulnerables: invulnerables?.members ?? [],
      candidacyBond: bond,
      desiredCandidates: desired === undefined ? undefined : { value: Number(desired.value), at: desired.at },
      at: invulnerables?.at ?? bond?.at ?? desired?.at ?? topPath,
    };
  }

  facts.councils = COUNCILS.flatMap(([pallet, name]): CouncilFacts[] => {
    const found = raw.accounts(storageKey(pallet, 'Members'), `${pallet}::Members`, false);
    return found && found.members.length > 0 ? [{ id: pallet, name, members: found.members, at: found.at }] : [];
  });
  const seen = new Set<string>();
  facts.councils = facts.councils.filter((council) => {
    const signature = council.members.map((m) => m.address.key).sort().join(',');
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });

  const balances = raw.systemAccounts();
  if (balances.length > 0) facts.balances = { entries: balances, at: topPath };
  return facts;
}

class RawReader {
  /** Lower-case key → the key as written, so a finding points at the exact entry. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly builder: ModelBuilder, private readonly topPath: Path, private readonly top: Record<string, unknown>) {
    for (const key of Object.keys(top)) this.keys.set(key.toLowerCase(), key);
  }

  hasPrefix(prefix: string): boolean {
    for (const key of this.keys.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** The bytes stored under a key, with the path of the entry; a value that is not hex is reported. */
  private entry(key: string, name: string): { bytes: Uint8Array; at: Path } | undefined {
    const written = this.keys.get(key);
    if (written === undefined) return undefined;
    const at = [...this.topPath, written];
    const bytes = hexBytes(this.top[written]);
    if (!bytes) {
      this.builder.problem(at, `The raw storage value of ${name} should be 0x-prefixed hex.`);
      return undefined;
    }
    return { bytes, at };
  }

  private decode<T>(key: string, name: string, what: string, read: (reader: ScaleReader) => T): { value: T; at: Path } | undefined {
    const found = this.entry(key, name);
    if (!found) return undefined;
    try {
      const reader = new ScaleReader(found.bytes);
      const value = read(reader);
      reader.end();
      return { value, at: found.at };
    } catch (error) {
      if (!(error instanceof ScaleError)) throw error;
      this.builder.problem(found.at, `The raw storage value of ${name} should hold ${what}, but it ${error.message}.`);
      return undefined;
    }
  }

  /** A single account (Sudo::Key): 32 bytes (AccountId32) or 20 (an Ethereum-style AccountId20). */
  single(key: string, name: string, what: string): Account | undefined {
    const found = this.entry(key, name);
    if (!found) return undefined;
    if (found.bytes.length !== 32 && found.bytes.length !== 20) {
      this.builder.problem(found.at, `The raw storage value of ${name} should be ${what}, 32 (or 20) bytes, but it is ${found.bytes.length} bytes.`);
      return undefined;
    }
    const address = accountOf(found.bytes);
    return address && !isUnset(address) ? { address, at: found.at } : undefined;
  }

  /**
   * A SCALE vector of accounts or public keys, each optionally followed by a u64 weight:
   * `compact(n) ++ n × (id [++ weight])`. The id width follows from the length: 32 bytes for
   * AccountId32 and sr25519/ed25519 keys, 20 for AccountId20, 33 for compressed ECDSA keys.
   */
  accounts(key: string, name: string, weighted: boolean): { members: WeightedAccount[]; at: Path } | undefined {
    const found = this.decode(key, name, `a SCALE vector of ${weighted ? '(key, weight) pairs' : 'accounts'}`, (reader) => {
      const count = Number(reader.compact());
      if (count === 0) return [];
      const width = reader.remaining / count - (weighted ? 8 : 0);
      if (![32, 20, 33].includes(width)) throw new ScaleError(`has ${reader.remaining} bytes for ${count} items`);
      const items: { address: Address; weight?: bigint }[] = [];
      for (let i = 0; i < count; i++) {
        const address = accountOf(reader.take(width))!;
        items.push(weighted ? { address, weight: reader.uint(8) } : { address });
      }
      return items;
    });
    return found && { members: found.value.map((item) => ({ ...item, at: found.at })), at: found.at };
  }

  /** `:grandpa_authorities`: a version byte (1), then the (key, weight) vector. */
  grandpaLegacy(): { members: WeightedAccount[]; at: Path } | undefined {
    const found = this.decode(GRANDPA_AUTHORITIES_KEY, ':grandpa_authorities', 'a version byte and a vector of (key, weight) pairs', (reader) => {
      reader.take(1);
      const count = Number(reader.compact());
      const items: WeightedAccount[] = [];
      for (let i = 0; i < count; i++) items.push({ address: accountOf(reader.take(32))!, weight: reader.uint(8), at: [] });
      return items;
    });
    return found && { members: found.value.map((item) => ({ ...item, at: found.at })), at: found.at };
  }

  /** A little-endian unsigned integer of one of the given widths (u32, u64, u128). */
  integer(key: string, name: string, widths: number[]): { value: bigint; at: Path } | undefined {
    const found = this.entry(key, name);
    if (!found) return undefined;
    if (!widths.includes(found.bytes.length)) {
      this.builder.problem(found.at, `The raw storage value of ${name} should be a ${widths.map((w) => `${w * 8}-bit`).join(' or ')} integer, but it is ${found.bytes.length} bytes.`);
      return undefined;
    }
    return { value: new ScaleReader(found.bytes).uint(found.bytes.length), at: found.at };
  }

  /**
   * System::Account entries: key = prefix ++ blake2_128(id) ++ id, value = AccountInfo, which
   * ends with AccountData { free, reserved, frozen, flags } (four u128; older runtimes name the
   * last two misc_frozen and fee_frozen). What precedes it (nonce and reference counts) has
   * changed over the years, so the data is read from the end. Entries whose hash does not match
   * their account, or whose length fits no known layout, are skipped.
   */
  systemAccounts(): AmountEntry[] {
    const prefix = PALLET_PREFIX.systemAccount;
    const entries: AmountEntry[] = [];
    for (const [lower, written] of this.keys) {
      if (!lower.startsWith(prefix)) continue;
      const suffix = hexBytes(lower.slice(prefix.length));
      if (!suffix || (suffix.length !== 48 && suffix.length !== 36)) continue;
      const id = suffix.subarray(16);
      if (toHex(blake2b(id, 16)) !== toHex(suffix.subarray(0, 16))) continue;
      const bytes = hexBytes(this.top[written]);
      if (!bytes || ![69, 72, 76, 80].includes(bytes.length)) continue;
      const data = new ScaleReader(bytes.subarray(bytes.length - 64));
      const amount = data.uint(16) + data.uint(16);
      const address = accountOf(id);
      if (address) entries.push({ address, amount, at: [...this.topPath, written] });
    }
    return entries;
  }
}

/** An account id or public key as an address: 32 bytes like an SS58 key, 20 like an EVM address, anything else by its hex. */
function accountOf(bytes: Uint8Array): Address | undefined {
  const hex = `0x${toHex(bytes)}`;
  if (bytes.length === 32 || bytes.length === 20) return parseAddress(hex);
  return bytes.length > 0 ? namedParty(hex) : undefined;
}
