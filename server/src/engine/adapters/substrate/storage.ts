import { isUnset, namedParty, parseAddress } from '../../model/address';
import { blake2b } from '../../model/blake2b';
import type { ModelBuilder } from '../../model/builder';
import { toHex } from '../../model/encodings';
import { isRecord } from '../../model/read';
import type { Address } from '../../model/schema';
import type { Path } from '../../parse';
import { emptyFacts, FORCINGS, type Account, type AmountEntry, type AuthorityGroup, type CouncilFacts, type GenesisFacts, type SudoFacts, type WeightedAccount } from './facts';
import { hexBytes, littleEndian, ScaleError, ScaleReader } from './scale';
import { storageKey, twox128 } from './twox';
import { isZeroAccount, zeroAccountUse } from './zero-account';

/**
 * Reads a raw genesis: the storage trie as `0x<key>: 0x<SCALE value>`, under `raw.top`, in the
 * first element of the `[top, children]` pair, or (2018 specs) as `raw` itself. Only well-known
 * plain storage items are decoded. Their keys are computed here rather than copied, so the table
 * cannot drift from the names it claims, in both layouts FRAME has used: twox128(pallet) ++
 * twox128(item) since late 2019, and before it twox128("Pallet Item").
 */

/** `:grandpa_authorities`, the well-known key older runtimes keep GRANDPA's set under (sp-finality-grandpa). */
export const GRANDPA_AUTHORITIES_KEY = `0x${toHex(new TextEncoder().encode(':grandpa_authorities'))}`;

const wellKnown = (name: string) => `0x${toHex(new TextEncoder().encode(name))}`;

/** The runtime code's well-known key. */
const CODE_KEY = wellKnown(':code');

/** The keys a plain storage item has had: FRAME's current layout first, then the one before late 2019. */
export function itemKeys(pallet: string, item: string): string[] {
  return [storageKey(pallet, item), `0x${twox128(`${pallet} ${item}`)}`];
}

const KEYS = {
  sudo: itemKeys('Sudo', 'Key'),
  upgradeKey: itemKeys('UpgradeKey', 'Key'),
  invulnerables: itemKeys('CollatorSelection', 'Invulnerables'),
  candidacyBond: itemKeys('CollatorSelection', 'CandidacyBond'),
  desiredCandidates: itemKeys('CollatorSelection', 'DesiredCandidates'),
  sessionValidators: itemKeys('Session', 'Validators'),
  aura: itemKeys('Aura', 'Authorities'),
  babe: itemKeys('Babe', 'Authorities'),
  grandpa: itemKeys('Grandpa', 'Authorities'),
  stakingInvulnerables: itemKeys('Staking', 'Invulnerables'),
  forceEra: itemKeys('Staking', 'ForceEra'),
  // pallet-staking's genesis always writes these; a pallet merely named Staking (Interlay's vault staking) does not.
  npos: [...itemKeys('Staking', 'ValidatorCount'), ...itemKeys('Staking', 'MinimumValidatorCount')],
  selectedCandidates: itemKeys('ParachainStaking', 'SelectedCandidates'),
  totalSelected: itemKeys('ParachainStaking', 'TotalSelected'),
  // Token voting in the old layout, where a pallet has no prefix of its own: democracy's counters, srml-elections' seats.
  oldTokenVoting: ['Democracy ReferendumCount', 'Democracy PublicPropCount', 'Council DesiredSeats', 'Elections DesiredSeats'].map((name) => `0x${twox128(name)}`),
};

/** The 2018 runtimes' well-known authority lists: `<prefix>len` holds the count, `<prefix><u32 index>` each entry. */
const INDEXED = {
  consensus: wellKnown(':auth:'),
  grandpa: wellKnown(':grandpa:auth:'),
};

/**
 * Collectives and membership pallets under the names runtimes give them in `construct_runtime!`
 * (older runtimes name instances `Instance1Collective`). A membership pallet usually feeds the
 * collective it names, so it is listed only when its members differ from every collective's.
 */
const COLLECTIVES: [pallet: string, name: string][] = [
  ['Council', 'Council'],
  ['TechnicalCommittee', 'Technical committee'],
  ['Instance1Collective', 'Council'],
  ['Instance2Collective', 'Technical committee'],
  ['CouncilCollective', 'Council'],
  ['TechCommitteeCollective', 'Technical committee'],
  ['TreasuryCouncilCollective', 'Treasury council'],
  ['OpenTechCommitteeCollective', 'Open technical committee'],
  ['GeneralCouncil', 'General council'],
  ['FinancialCouncil', 'Financial council'],
  ['HomaCouncil', 'Homa council'],
  ['CommunityCouncil', 'Community council'],
  ['TechnicalCollective', 'Technical committee'],
  ['AllianceMotion', 'Alliance'],
  ['Collective', 'Council'],
];
const MEMBERSHIPS: [pallet: string, name: string][] = [
  ['CouncilMembership', 'Council membership'],
  ['TechnicalMembership', 'Technical membership'],
  ['TechnicalCommitteeMembership', 'Technical committee membership'],
  ['Instance1Membership', 'Council membership'],
  ['Instance2Membership', 'Technical membership'],
  ['GeneralCouncilMembership', 'General council membership'],
  ['FinancialCouncilMembership', 'Financial council membership'],
  ['HomaCouncilMembership', 'Homa council membership'],
  ['CommunityCouncilMembership', 'Community council membership'],
  ['Membership', 'Membership'],
];

const PALLET_PREFIX = {
  collatorSelection: `0x${twox128('CollatorSelection')}`,
  parachain: ['ParachainSystem', 'ParachainInfo', 'CollatorSelection', 'ParachainStaking'].map((pallet) => `0x${twox128(pallet)}`),
  tokenVoting: ['Democracy', 'Referenda', 'ConvictionVoting', 'Elections', 'PhragmenElection'].map((pallet) => `0x${twox128(pallet)}`),
  systemAccount: storageKey('System', 'Account'),
};

export function readRawGenesis(builder: ModelBuilder, topPath: Path): GenesisFacts {
  const facts = emptyFacts();
  const top = builder.get(topPath);
  if (!isRecord(top)) {
    builder.problem(topPath, 'The raw genesis storage should be an object of storage keys and values.');
    return facts;
  }
  const raw = new RawReader(builder, topPath, top);

  facts.sudo = raw.sudo();
  facts.upgradeKey = raw.single(KEYS.upgradeKey, 'UpgradeKey::Key', 'the upgrade key');

  const consensus = raw.indexed(INDEXED.consensus, ':auth:', false);
  const aura = raw.accounts(KEYS.aura, 'Aura::Authorities', false);
  const babe = raw.accounts(KEYS.babe, 'Babe::Authorities', true);
  const grandpa = raw.accounts(KEYS.grandpa, 'Grandpa::Authorities', true) ?? raw.grandpaLegacy() ?? raw.indexed(INDEXED.grandpa, ':grandpa:auth:', true);
  const validators = raw.accounts(KEYS.sessionValidators, 'Session::Validators', false);
  const invulnerables = raw.accounts(KEYS.invulnerables, 'CollatorSelection::Invulnerables', false);
  const selected = raw.accounts(KEYS.selectedCandidates, 'ParachainStaking::SelectedCandidates', false);
  const stakingInvulnerables = raw.accounts(KEYS.stakingInvulnerables, 'Staking::Invulnerables', false);
  facts.parachain = PALLET_PREFIX.parachain.some((prefix) => raw.hasPallet(prefix));
  facts.staking = raw.has(KEYS.npos);
  facts.tokenVoting = facts.staking || PALLET_PREFIX.tokenVoting.some((prefix) => raw.hasPallet(prefix)) || raw.has(KEYS.oldTokenVoting);
  const parachain = facts.parachain;

  const group = (spec: Omit<AuthorityGroup, 'members' | 'at'>, found: { members: WeightedAccount[]; at: Path } | undefined) => {
    if (found && found.members.length > 0) facts.groups.push({ ...spec, ...found });
  };
  group({ id: 'invulnerables', title: 'Invulnerable collator', setTitle: 'collator set', powers: ['sequence'] }, invulnerables);
  group({ id: 'selected-candidates', title: 'Selected collator', setTitle: 'collator set', powers: ['sequence'] }, selected);
  group({ id: 'session', title: parachain ? 'Session collator' : 'Session validator', setTitle: parachain ? 'collator set' : 'validator set', powers: ['sequence'] }, validators);
  // Aura and BABE keys are the session keys of the session validators; list them only when there is no session set.
  if (!validators?.members.length) {
    group({ id: 'consensus', title: 'Consensus authority', setTitle: 'consensus authority set', powers: ['sequence'] }, consensus);
    group({ id: 'aura', title: parachain ? 'Aura collator' : 'Aura authority', setTitle: parachain ? 'collator set' : 'Aura authority set', powers: ['sequence'] }, aura);
    group({ id: 'babe', title: 'BABE authority', setTitle: 'BABE authority set', powers: ['sequence'] }, babe);
  }
  group({ id: 'grandpa', title: 'GRANDPA authority', setTitle: 'GRANDPA finality set', powers: ['finalize'] }, grandpa);
  group({ id: 'staking-invulnerables', title: 'Staking invulnerable (cannot be slashed)', setTitle: 'invulnerable validator set', powers: ['sequence', 'finalize'] }, stakingInvulnerables);

  if (raw.hasPallet(PALLET_PREFIX.collatorSelection)) {
    const bond = raw.integer(KEYS.candidacyBond, 'CollatorSelection::CandidacyBond', [8, 16]);
    const desired = raw.integer(KEYS.desiredCandidates, 'CollatorSelection::DesiredCandidates', [4]);
    facts.collatorSelection = {
      invulnerables: invulnerables?.members ?? [],
      candidacyBond: bond,
      desiredCandidates: desired === undefined ? undefined : { value: Number(desired.value), at: desired.at },
      at: invulnerables?.at ?? bond?.at ?? desired?.at ?? topPath,
    };
  }
  if (selected) {
    const total = raw.integer(KEYS.totalSelected, 'ParachainStaking::TotalSelected', [4]);
    facts.parachainStaking = { selected: selected.members, totalSelected: total && { value: Number(total.value), at: total.at }, at: selected.at };
  }

  const forceEra = raw.integer(KEYS.forceEra, 'Staking::ForceEra', [1]);
  if (forceEra && forceEra.value < BigInt(FORCINGS.length)) facts.forceEra = { value: FORCINGS[Number(forceEra.value)], at: forceEra.at };

  facts.councils = councilsOf(raw);
  const balances = raw.systemAccounts();
  if (balances.length > 0) facts.balances = { entries: balances, at: topPath };
  return facts;
}

function councilsOf(raw: RawReader): CouncilFacts[] {
  const read = (list: [string, string][]) => list.flatMap(([pallet, name]): CouncilFacts[] => {
    const found = raw.members(itemKeys(pallet, 'Members'), `${pallet}::Members`);
    return found && found.members.length > 0 ? [{ id: pallet, name, members: found.members, at: found.at }] : [];
  });
  const signature = (council: CouncilFacts) => council.members.map((m) => m.address.key).sort().join(',');
  const collectives = read(COLLECTIVES);
  const fed = new Set(collectives.map(signature));
  return [...collectives, ...read(MEMBERSHIPS).filter((membership) => !fed.has(signature(membership)))];
}

class RawReader {
  /** Key in lower case with its `0x` → the key as written, so a finding points at the exact entry. */
  private readonly keys = new Map<string, string>();
  /** The 16-byte pallet prefixes (`0x` + 32 hex digits) present in the trie. */
  private readonly pallets = new Set<string>();

  constructor(private readonly builder: ModelBuilder, private readonly topPath: Path, private readonly top: Record<string, unknown>) {
    for (const key of Object.keys(top)) {
      const lower = key.toLowerCase();
      const normal = lower.startsWith('0x') ? lower : `0x${lower}`;
      this.keys.set(normal, key);
      if (normal.length >= 34) this.pallets.add(normal.slice(0, 34));
    }
  }

  hasPallet(prefix: string): boolean {
    return this.pallets.has(prefix);
  }

  has(keys: string[]): boolean {
    return keys.some((key) => this.keys.has(key));
  }

  /** The bytes stored under the first of `keys` present, with the path of the entry; a value that is not hex is reported. */
  private entry(keys: string | string[], name: string): { bytes: Uint8Array; at: Path } | undefined {
    const written = (typeof keys === 'string' ? [keys] : keys).map((key) => this.keys.get(key)).find((w) => w !== undefined);
    if (written === undefined) return undefined;
    const at = [...this.topPath, written];
    const bytes = hexBytes(this.top[written]);
    if (!bytes) {
      this.builder.problem(at, `The raw storage value of ${name} should be hex.`);
      return undefined;
    }
    return { bytes, at };
  }

  private decode<T>(keys: string | string[], name: string, what: string, read: (reader: ScaleReader) => T): { value: T; at: Path } | undefined {
    const found = this.entry(keys, name);
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
  single(keys: string[], name: string, what: string): Account | undefined {
    const found = this.entry(keys, name);
    if (!found) return undefined;
    if (found.bytes.length !== 32 && found.bytes.length !== 20) {
      this.builder.problem(found.at, `The raw storage value of ${name} should be ${what}, 32 (or 20) bytes, but it is ${found.bytes.length} bytes.`);
      return undefined;
    }
    const address = accountOf(found.bytes);
    return address && !isUnset(address) ? { address, at: found.at } : undefined;
  }

  /** Sudo::Key, where the all-zero account is a key anyone can sign with unless the runtime's code bars it. */
  sudo(): SudoFacts | undefined {
    const key = this.single(KEYS.sudo, 'Sudo::Key', 'the sudo account');
    if (key) return key;
    const found = this.entry(KEYS.sudo, 'Sudo::Key');
    if (!found || !isZeroAccount(found.bytes)) return undefined;
    const use = zeroAccountUse(this.top[this.keys.get(CODE_KEY) ?? '']);
    return use === 'barred' ? undefined : { address: accountOf(found.bytes)!, at: found.at, zeroAccount: use };
  }

  /**
   * A SCALE vector of accounts or public keys, each optionally followed by a u64 weight:
   * `compact(n) ++ n × (id [++ weight])`. The id width follows from the length: 32 bytes for
   * AccountId32 and sr25519/ed25519 keys, 20 for AccountId20, 33 for compressed ECDSA keys.
   */
  accounts(keys: string[], name: string, weighted: boolean): { members: WeightedAccount[]; at: Path } | undefined {
    return this.vector(keys, name, `a SCALE vector of ${weighted ? '(key, weight) pairs' : 'accounts'}`, weighted ? [8] : [0], weighted);
  }

  /**
   * A collective's members: a vector of accounts, or in the first runtimes (srml-council,
   * srml-elections) of (account, block number) pairs, whose number is 4 or 8 bytes.
   */
  members(keys: string[], name: string): { members: WeightedAccount[]; at: Path } | undefined {
    return this.vector(keys, name, 'a SCALE vector of accounts', [0, 4, 8], false);
  }

  /** `compact(n) ++ n × (id ++ trailer)`, where the trailer is one of `trailers` bytes wide and, when `weighted`, a u64 weight. */
  private vector(keys: string[], name: string, what: string, trailers: number[], weighted: boolean): { members: WeightedAccount[]; at: Path } | undefined {
    const found = this.decode(keys, name, what, (reader) => {
      const count = Number(reader.compact());
      if (count === 0) return [];
      const item = reader.remaining / count;
      const trailer = trailers.find((t) => [32, 20, 33].includes(item - t));
      if (trailer === undefined) throw new ScaleError(`has ${reader.remaining} bytes for ${count} items`);
      const items: { address: Address; weight?: bigint }[] = [];
      for (let i = 0; i < count; i++) {
        const address = accountOf(reader.take(item - trailer))!;
        if (weighted) items.push({ address, weight: reader.uint(8) });
        else {
          reader.take(trailer);
          items.push({ address });
        }
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

  /** A 2018 well-known list: `<prefix>len` is a u32 count and `<prefix><u32 index>` holds each 32-byte key (and u64 weight). */
  indexed(prefix: string, name: string, weighted: boolean): { members: WeightedAccount[]; at: Path } | undefined {
    const length = this.integer([`${prefix}${toHex(new TextEncoder().encode('len'))}`], `${name}len`, [4]);
    if (!length) return undefined;
    const members: WeightedAccount[] = [];
    for (let i = 0; i < Number(length.value); i++) {
      const key = `${prefix}${toHex(littleEndian(i, 4))}`;
      const found = this.decode(key, `${name}${i}`, `a 32-byte key${weighted ? ' and a u64 weight' : ''}`, (reader) => ({ address: accountOf(reader.take(32))!, weight: weighted ? reader.uint(8) : undefined }));
      if (found) members.push({ ...found.value, at: found.at });
    }
    return { members, at: length.at };
  }

  /** A little-endian unsigned integer of one of the given widths (u8, u32, u64, u128). */
  integer(keys: string[], name: string, widths: number[]): { value: bigint; at: Path } | undefined {
    const found = this.entry(keys, name);
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
   * their account, or whose length fits no known layout, are skipped. (Runtimes before late 2019
   * hashed the account into the key, so their balances cannot be attributed and are not read.)
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
