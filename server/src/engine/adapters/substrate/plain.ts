import { parseAddress } from '../../model/address';
import { describeType, type ModelBuilder } from '../../model/builder';
import { keysOf } from '../../model/read';
import type { Power } from '../../model/schema';
import type { Path } from '../../parse';
import { emptyFacts, palletTitle, type Account, type AmountEntry, type AuthorityGroup, type CouncilFacts, FORCINGS, type Forcing, type GenesisFacts, type SudoFacts, type WeightedAccount } from './facts';
import { ZERO_ACCOUNT_KEY, zeroAccountUse } from './zero-account';
import { lookupTable } from '../../text/lookup';

/**
 * Reads a plain genesis: `runtimeGenesis.patch` or `.config`, `runtimeAndCode.runtime`, or the legacy
 * `runtime` section. Keys are the camelCase pallet names of the runtime's `construct_runtime!`, which
 * older specs prefix with the crate family (`palletSudo`, `frameSystem`, `srmlBalances`), so pallets
 * are looked up by normalized name. `code` is the runtime code the spec carries, if any.
 */
export function readPlainGenesis(builder: ModelBuilder, base: Path, code?: unknown): GenesisFacts {
  const facts = emptyFacts();
  const pallets = new Map<string, string>();
  for (const key of keysOf(builder.get(base))) pallets.set(normalize(key), key);
  const pallet = (name: string): Path | undefined => {
    const key = pallets.get(name);
    return key === undefined ? undefined : [...base, key];
  };
  const reader = new PlainReader(builder);

  const sudo = pallet('sudo');
  if (sudo) facts.sudo = readSudo(reader, [...sudo, 'key'], code ?? (pallet('system') && builder.get([...pallet('system')!, 'code'])));
  facts.parachain = ['parachaininfo', 'parachainsystem', 'collatorselection', 'parachainstaking'].some((name) => pallets.has(name));

  const aura = pallet('aura');
  if (aura) reader.group(facts, { id: 'aura', title: facts.parachain ? 'Aura collator' : 'Aura authority', setTitle: facts.parachain ? 'collator set' : 'Aura authority set', powers: ['sequence'] }, [...aura, 'authorities'], false);
  const babe = pallet('babe');
  if (babe) reader.group(facts, { id: 'babe', title: 'BABE authority', setTitle: 'BABE authority set', powers: ['sequence'] }, [...babe, 'authorities'], true);
  const grandpa = pallet('grandpa');
  if (grandpa) reader.group(facts, { id: 'grandpa', title: 'GRANDPA authority', setTitle: 'GRANDPA finality set', powers: ['finalize'] }, [...grandpa, 'authorities'], true);

  const collators = pallet('collatorselection');
  if (collators) {
    const invulnerables = reader.accounts([...collators, 'invulnerables'], 'An invulnerable collator');
    const bond = reader.amount([...collators, 'candidacyBond'], 'The candidacy bond');
    const desired = reader.count([...collators, 'desiredCandidates'], 'desiredCandidates');
    facts.collatorSelection = {
      invulnerables,
      candidacyBond: bond === undefined ? undefined : { value: bond, at: [...collators, 'candidacyBond'] },
      desiredCandidates: desired === undefined ? undefined : { value: desired, at: [...collators, 'desiredCandidates'] },
      at: collators,
    };
    if (invulnerables.length > 0) facts.groups.push({ id: 'invulnerables', title: 'Invulnerable collator', setTitle: 'collator set', powers: ['sequence'], members: invulnerables, at: [...collators, 'invulnerables'] });
  }

  const parachainStaking = pallet('parachainstaking');
  if (parachainStaking) {
    // Moonbeam's parachain-staking: `candidates` are [account, bond] pairs, all selected at genesis up to the round's size.
    const path = [...parachainStaking, 'candidates'];
    const selected = reader.list(path, 'The collator candidates').map((_, i) => reader.account([...path, i, 0], 'A collator candidate')).filter((a): a is Account => a !== undefined);
    facts.parachainStaking = { selected, at: path };
    if (selected.length > 0) facts.groups.push({ id: 'selected-candidates', title: 'Genesis collator candidate', setTitle: 'collator set', powers: ['sequence'], members: selected, at: path });
  }

  const session = pallet('session');
  if (session) readSessionKeys(builder, reader, facts, [...session, 'keys'], facts.parachain);

  const staking = pallet('staking');
  const stakingFields = staking ? keysOf(builder.get(staking)) : [];
  // pallet-staking (NPoS) by its genesis fields; a pallet merely named Staking (Interlay's vault staking) has others.
  if (staking && (stakingFields.length === 0 || stakingFields.some((field) => NPOS_FIELDS.has(field)))) {
    facts.staking = true;
    const invulnerables = reader.accounts([...staking, 'invulnerables'], 'A staking invulnerable');
    if (invulnerables.length > 0) facts.groups.push({ id: 'staking-invulnerables', title: 'Staking invulnerable (cannot be slashed)', setTitle: 'invulnerable validator set', powers: ['sequence', 'finalize'], members: invulnerables, at: [...staking, 'invulnerables'] });
    readStakers(builder, reader, facts, [...staking, 'stakers']);
    const forceEra = builder.get([...staking, 'forceEra']);
    if (typeof forceEra === 'string' && (FORCINGS as readonly string[]).includes(forceEra)) facts.forceEra = { value: forceEra as Forcing, at: [...staking, 'forceEra'] };
  }

  const balances = pallet('balances');
  if (balances) {
    const path = [...balances, 'balances'];
    const entries: AmountEntry[] = [];
    for (const [i] of reader.list(path, 'The genesis balances').entries()) {
      const address = reader.account([...path, i, 0], 'A genesis balance holder');
      const amount = reader.amount([...path, i, 1], 'A genesis balance');
      if (address && amount !== undefined) entries.push({ address: address.address, amount, at: address.at });
    }
    if (entries.length > 0) facts.balances = { entries, at: path };
  }

  facts.councils = readCouncils(reader, base, pallets);
  facts.tokenVoting = facts.staking || [...pallets.keys()].some((name) => TOKEN_VOTING.has(name));
  return facts;
}

/**
 * `construct_runtime!` names as chain specs write them: `palletCollatorSelection`, `collator_selection`
 * and `collatorSelection` are one pallet; so are `srmlSudo` (before December 2019) and `palletSudo`.
 */
function normalize(key: string): string {
  return key.replace(/^(pallet|frame|srml|paint)(?=[A-Z_])/, '').replace(/_/g, '').toLowerCase();
}

/** Instances as older runtimes name them (`palletCollectiveInstance1`): instance 1 is the council, 2 the technical committee. */
const INSTANCE_NAMES = lookupTable<string>({
  collectiveinstance1: 'Council',
  instance1collective: 'Council',
  collectiveinstance2: 'Technical committee',
  instance2collective: 'Technical committee',
  membershipinstance1: 'Council membership',
  instance1membership: 'Council membership',
  membershipinstance2: 'Technical membership',
  instance2membership: 'Technical membership',
});

/** `sudo.key`, where the all-zero account is a key anyone can sign with unless the runtime's code bars it. */
function readSudo(reader: PlainReader, path: Path, code: unknown): SudoFacts | undefined {
  const key = reader.account(path, 'The sudo key');
  if (key) return key;
  const value = reader.builder.get(path);
  const address = typeof value === 'string' ? parseAddress(value) : undefined;
  if (!address || address.key !== ZERO_ACCOUNT_KEY) return undefined;
  const use = zeroAccountUse(code);
  return use === 'barred' ? undefined : { address, at: path, zeroAccount: use };
}

/** Genesis fields of pallet-staking. */
const NPOS_FIELDS = new Set(['validatorCount', 'minimumValidatorCount', 'invulnerables', 'forceEra', 'stakers', 'slashRewardFraction', 'canceledPayout', 'minNominatorBond', 'minValidatorBond']);

/** Pallets through which token holders vote (normalized names). */
const TOKEN_VOTING = new Set(['democracy', 'referenda', 'convictionvoting', 'elections', 'phragmenelection', 'electionsphragmen']);

const ELECTIONS = new Set(['elections', 'phragmenelection', 'electionsphragmen']);
const COLLECTIVE = /council|committee|membership|collective|fellowship|alliance/;

function readCouncils(reader: PlainReader, base: Path, pallets: Map<string, string>): CouncilFacts[] {
  const bodies: (CouncilFacts & { feeds: boolean })[] = [];
  for (const [name, key] of pallets) {
    const elected = ELECTIONS.has(name);
    if (!elected && !COLLECTIVE.test(name)) continue;
    const path = [...base, key, 'members'];
    if (!Array.isArray(reader.builder.get(path))) continue;
    // Elections list [account, stake] pairs; collectives and membership pallets list accounts.
    const members = elected
      ? reader.list(path, 'The elected members').map((_, i) => reader.account([...path, i, 0], 'An elected member')).filter((a): a is Account => a !== undefined)
      : reader.accounts(path, `A ${palletTitle(key).toLowerCase()} member`);
    if (members.length === 0) continue;
    const feeds = elected || name.includes('membership');
    bodies.push({ id: key, name: elected ? 'Elected council' : INSTANCE_NAMES[name] ?? palletTitle(key), members, at: path, feeds });
  }
  // A membership pallet or an election usually feeds the collective it names: with the same members they are one body.
  // Two collectives with the same members (a council and a technical committee) stay two bodies.
  const signature = (body: CouncilFacts) => body.members.map((m) => m.address.key).sort().join(',');
  const collectives = new Set(bodies.filter((b) => !b.feeds).map(signature));
  const seen = new Set<string>();
  return bodies.filter((body) => {
    if (!body.feeds) return true;
    const sig = signature(body);
    if (collectives.has(sig) || seen.has(sig)) return false;
    seen.add(sig);
    return true;
  }).map(({ feeds: _, ...council }) => council);
}

/** `session.keys`: `[account, validatorId, { aura, babe, grandpa, … }]`; the account is who validates. */
function readSessionKeys(builder: ModelBuilder, reader: PlainReader, facts: GenesisFacts, path: Path, parachain: boolean): void {
  const members: WeightedAccount[] = [];
  const powers = new Set<Power>();
  for (const [i, entry] of reader.list(path, 'The session keys').entries()) {
    if (!Array.isArray(entry) || entry.length < 2) {
      builder.problem([...path, i], `A session key entry should be [account, validator id, keys], but it is ${describeType(entry)}.`);
      continue;
    }
    const account = reader.account([...path, i, 0], 'A session validator');
    if (!account) continue;
    members.push(account);
    const keys = keysOf(entry[2]).map((k) => k.toLowerCase());
    if (keys.includes('aura') || keys.includes('babe')) powers.add('sequence');
    if (keys.includes('grandpa') || keys.includes('beefy')) powers.add('finalize');
  }
  if (members.length === 0) return;
  if (powers.size === 0) powers.add('sequence');
  facts.groups.push({ id: 'session', title: parachain ? 'Session collator' : 'Session validator', setTitle: parachain ? 'collator set' : 'validator set', powers: [...powers], members, at: path });
}

/** `staking.stakers`: `[stash, controller, bond, "Validator" | { Nominator: [...] } | "Idle"]`. */
function readStakers(builder: ModelBuilder, reader: PlainReader, facts: GenesisFacts, path: Path): void {
  const entries: AmountEntry[] = [];
  for (const [i, entry] of reader.list(path, 'The stakers').entries()) {
    if (!Array.isArray(entry) || entry.length < 4) {
      builder.problem([...path, i], `A staker should be [stash, controller, bond, status], but it is ${describeType(entry)}.`);
      continue;
    }
    if (typeof entry[3] !== 'string' || entry[3].toLowerCase() !== 'validator') continue;
    const stash = reader.account([...path, i, 0], 'A validator stash');
    const bond = reader.amount([...path, i, 2], 'A validator bond');
    if (stash && bond !== undefined) entries.push({ address: stash.address, amount: bond, at: stash.at });
  }
  if (entries.length > 0) facts.stakers = { entries, at: path };
}

/** Typed reads of plain genesis values, reporting wrong shapes as schema problems. */
class PlainReader {
  constructor(readonly builder: ModelBuilder) {}

  account(path: Path, what: string): Account | undefined {
    const address = this.builder.address(path, what);
    return address ? { address, at: path } : undefined;
  }

  list(path: Path, what: string): unknown[] {
    const value = this.builder.get(path);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.builder.problem(path, `${what} should be a list, but it is ${describeType(value)}.`);
      return [];
    }
    return value;
  }

  /** A list of accounts; `what` names one of them ("An invulnerable collator"). */
  accounts(path: Path, what: string): Account[] {
    return this.list(path, `The list of ${what.replace(/^An? /, '')}s`)
      .map((_, i) => this.account([...path, i], what))
      .filter((a): a is Account => a !== undefined);
  }

  /** A list of `id` or `[id, weight]`. */
  group(facts: GenesisFacts, spec: Omit<AuthorityGroup, 'members' | 'at'>, path: Path, weighted: boolean): void {
    const members: WeightedAccount[] = [];
    for (const [i, entry] of this.list(path, `The ${spec.setTitle}`).entries()) {
      const pair = weighted && Array.isArray(entry);
      const account = this.account(pair ? [...path, i, 0] : [...path, i], `A ${spec.title}`);
      if (!account) continue;
      const weight = pair ? this.amount([...path, i, 1], `The weight of a ${spec.title}`) : undefined;
      members.push({ ...account, weight });
    }
    if (members.length > 0) facts.groups.push({ ...spec, members, at: path });
  }

  /**
   * A balance (u128): a JSON number, a decimal string or a hex string. Numbers beyond 2^53 are
   * read from the source text, so `1000000000000000000001` is not rounded by JSON.parse.
   */
  amount(path: Path, what: string): bigint | undefined {
    const value = this.builder.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
      if (Number.isSafeInteger(value)) return BigInt(value);
      const span = this.builder.doc.locate(path)?.value;
      const text = span ? this.builder.doc.text.slice(span.start, span.end).trim() : '';
      return /^\d+$/.test(text) ? BigInt(text) : BigInt(value);
    }
    if (typeof value === 'string' && /^(\d+|0x[0-9a-fA-F]+)$/.test(value.trim())) return BigInt(value.trim());
    this.builder.problem(path, `${what} should be a whole non-negative number, but it is ${describeType(value)}.`);
    return undefined;
  }

  count(path: Path, what: string): number | undefined {
    const value = this.amount(path, what);
    return value === undefined ? undefined : Number(value);
  }
}
