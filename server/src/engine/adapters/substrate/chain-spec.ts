import { namedParty } from '../../model/address';
import { ModelBuilder } from '../../model/builder';
import { isRecord, keysOf } from '../../model/read';
import type { Distribution, Grant, Power } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { identify } from '../identity';
import { classifyNetwork, networkFromName, networkFromRelay, UNKNOWN_NETWORK, type NetworkSignal, type NetworkVerdict } from '../networks';
import type { Adapter } from '../types';
import { emptyFacts, type AmountEntry, type AuthorityGroup, type GenesisFacts, type SudoFacts } from './facts';
import { readPlainGenesis } from './plain';
import { readRawGenesis } from './storage';

/**
 * Substrate / Polkadot SDK chain specs (sc-chain-spec), in every form their genesis has taken (see
 * `genesisForm`): plain specs, whose genesis is the runtime's genesis config as JSON, and raw
 * specs, whose genesis is the storage trie itself.
 */

/** What the sudo key can do: pallet-sudo dispatches any call with Root origin. */
const ROOT_POWERS: Power[] = ['upgrade', 'mint', 'set-params', 'set-validators', 'govern'];

const ROLE_IDS: Record<AuthorityGroup['id'], string> = {
  consensus: 'consensus-authority',
  aura: 'aura-authority',
  babe: 'babe-authority',
  grandpa: 'grandpa-authority',
  session: 'session-validator',
  invulnerables: 'invulnerable-collator',
  'selected-candidates': 'selected-collator',
  'staking-invulnerables': 'staking-invulnerable',
};

/** The set that authors blocks, in order of preference: the session set is what Aura and BABE are fed from. */
const AUTHORING: AuthorityGroup['id'][] = ['session', 'invulnerables', 'selected-candidates', 'babe', 'aura', 'consensus', 'staking-invulnerables'];

export const substrateChainSpec: Adapter = {
  id: 'substrate-chain-spec',
  framework: 'Substrate',
  duplicateKeys: "the node reads it with Rust's serde_json, which rejects a repeated field of the spec's typed sections and keeps the last value inside the genesis patch",
  title: 'Substrate chain spec',
  describes: 'plan',
  sniff: /^(?=[\s\S]*\bgenesis\b)(?=[\s\S]*\b(runtimeGenesis|runtimeAndCode|runtime|raw|stateRootHash)\b)/,
  detect(value) {
    if (!isRecord(value) || !isRecord(value.genesis)) return 0;
    const genesis = value.genesis;
    const shaped = genesisForm(genesis) !== undefined || isRecord(genesis.runtimeGenesis);
    if (!shaped) return 0;
    const meta = ['chainType', 'bootNodes', 'protocolId', 'telemetryEndpoints', 'codeSubstitutes', 'properties', 'id', 'name'].filter((key) => key in value).length;
    return meta >= 2 ? 0.95 : 0.6;
  },
  build(doc: ParsedDocument) {
    const spec = doc.value as Record<string, unknown>;
    const network = networkOf(spec);
    const builder = new ModelBuilder(doc, {
      framework: 'substrate',
      name: typeof spec.name === 'string' ? spec.name : undefined,
      chainId: typeof spec.id === 'string' ? spec.id : undefined,
      network: network.network,
      networkReason: network.reason,
    });
    identifySpec(builder, spec);
    const facts = readGenesis(builder, spec);
    const denom = isRecord(spec.properties) && typeof spec.properties.tokenSymbol === 'string' ? spec.properties.tokenSymbol : undefined;
    const parachain = facts.parachain || facts.collatorSelection !== undefined || spec.para_id !== undefined || spec.parachainId !== undefined || spec.paraId !== undefined;
    mapFacts(builder, facts, denom, parachain);
    readCodeSubstitutes(builder, spec);
    return { model: builder.model, problems: builder.problems };
  },
};

/**
 * The chain type is the preset the spec was built from (sc-chain-spec): `Development` and `Local`
 * suggest a dev chain, but a spec on a public test relay is a testnet whatever its preset, and
 * `Live` only says "not a local dev chain" (Westend, Paseo and their parachains are Live). So the
 * relay chain, the id and the name decide first; a Live chain nothing names a testnet is treated as
 * production. `.chokepoint.yaml` can say otherwise.
 */
function networkOf(spec: Record<string, unknown>): NetworkVerdict {
  const type = spec.chainType;
  const dev: NetworkSignal | undefined = type === 'Development' || type === 'Local' ? { network: 'devnet', reason: `chainType is ${type}`, weight: 'flag' } : undefined;
  const live: NetworkVerdict = { network: 'unknown', reason: 'chainType is Live, which only says it is not a local development chain, and nothing names it a testnet, so it is treated as production' };
  return classifyNetwork([
    networkFromRelay(spec.id, 'chain'),
    networkFromRelay(relayOf(spec), 'relay'),
    networkFromName(spec.name),
    networkFromName(spec.id, 'its id is'),
    dev,
  ], type === 'Live' ? live : UNKNOWN_NETWORK);
}

type GenesisForm = { kind: 'raw'; top: Path } | { kind: 'plain'; base: Path; code?: Path } | { kind: 'state-root' };

/**
 * Where a spec keeps its genesis, in each form sc-chain-spec has written (its `Genesis` enum and
 * the specs shipped with polkadot and cumulus):
 * - raw storage: `raw.top` (with `childrenDefault` since mid 2020, `children` before it); the pair
 *   `raw: [top, children]` of Kusama's and Polkadot's launch specs (until substrate#4357); and in
 *   2018 specs (PoC testnets, Alexander) `raw` as the storage map itself;
 * - plain: `runtimeGenesis.{code, patch | config}` (since late 2023), `runtimeAndCode.{runtime,
 *   code}` (the deprecated `from_genesis` with code), and `runtime` (every spec before them, in
 *   Rococo's 2021 specs wrapped as `runtime.runtime_genesis_config`);
 * - `stateRootHash`, which carries no state.
 */
function genesisForm(genesis: Record<string, unknown>): GenesisForm | undefined {
  const raw = genesis.raw;
  if (isRecord(raw) && isRecord(raw.top)) return { kind: 'raw', top: ['genesis', 'raw', 'top'] };
  if (Array.isArray(raw) && isRecord(raw[0])) return { kind: 'raw', top: ['genesis', 'raw', 0] };
  if (isRecord(raw) && isStorageMap(raw)) return { kind: 'raw', top: ['genesis', 'raw'] };
  const inner = genesis.runtimeGenesis;
  if (isRecord(inner)) {
    const part = isRecord(inner.patch) ? 'patch' : isRecord(inner.config) ? 'config' : undefined;
    if (part) return { kind: 'plain', base: ['genesis', 'runtimeGenesis', part], code: ['genesis', 'runtimeGenesis', 'code'] };
    return undefined;
  }
  const withCode = genesis.runtimeAndCode;
  if (isRecord(withCode) && isRecord(withCode.runtime)) return { kind: 'plain', base: wrapped(['genesis', 'runtimeAndCode', 'runtime'], withCode.runtime), code: ['genesis', 'runtimeAndCode', 'code'] };
  if (isRecord(genesis.runtime)) return { kind: 'plain', base: wrapped(['genesis', 'runtime'], genesis.runtime) };
  if (typeof genesis.stateRootHash === 'string') return { kind: 'state-root' };
  return undefined;
}

/** A runtime config wrapped with node settings (Rococo's `RococoGenesisExt`): the pallets are one level down. */
function wrapped(path: Path, runtime: Record<string, unknown>): Path {
  for (const key of ['runtime_genesis_config', 'runtimeGenesisConfig']) if (isRecord(runtime[key])) return [...path, key];
  return path;
}

/** A storage map as 2018 specs wrote `raw`: every key hex. */
function isStorageMap(raw: Record<string, unknown>): boolean {
  const keys = Object.keys(raw);
  return keys.length > 0 && keys.every((key) => /^(0x)?[0-9a-fA-F]+$/.test(key));
}

function relayOf(spec: Record<string, unknown>): string | undefined {
  const relay = spec.relay_chain ?? spec.relayChain;
  return typeof relay === 'string' && relay.trim() !== '' ? relay.trim() : undefined;
}

/**
 * A spec's chain: its id, and a parachain's relay and para id. The name, protocol id and
 * whether a plain spec is a parachain tell apart specs that share a template id such as "dev".
 */
function identifySpec(builder: ModelBuilder, spec: Record<string, unknown>): void {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const relay = relayOf(spec);
  const paraId = spec.para_id ?? spec.parachainId ?? spec.paraId;
  const para = relay !== undefined && (typeof paraId === 'number' || typeof paraId === 'string') ? `${relay}/${String(paraId)}` : undefined;
  const genesis = isRecord(spec.genesis) ? spec.genesis : {};
  const plain = genesisForm(genesis)?.kind === 'plain';
  if (relay !== undefined) builder.model.chain.parent = { id: `relay:${relay}`, title: `the ${relay} relay chain`, at: builder.origin([spec.relay_chain !== undefined ? 'relay_chain' : 'relayChain']) };
  const id = text(spec.id);
  identify(builder, [id ? `substrate:${id}` : undefined, para ? `parachain:${para}` : undefined], [
    text(spec.name) ? `substrate-name:${text(spec.name)}` : undefined,
    text(spec.protocolId) ? `protocol:${text(spec.protocolId)}` : undefined,
    para ? `para:${para}` : plain && relay === undefined ? 'para:none' : undefined,
  ]);
}

function readGenesis(builder: ModelBuilder, spec: Record<string, unknown>): GenesisFacts {
  const genesis = spec.genesis as Record<string, unknown>;
  const form = genesisForm(genesis);
  if (form?.kind === 'raw') return readRawGenesis(builder, form.top);
  if (form?.kind === 'plain') return readPlainGenesis(builder, form.base, form.code && builder.get(form.code));
  if (isRecord(genesis.runtimeGenesis)) builder.problem(['genesis', 'runtimeGenesis'], 'runtimeGenesis should hold the runtime code and either a "patch" or a "config" object.');
  // A stateRootHash genesis carries no state to read.
  return emptyFacts();
}

function mapFacts(builder: ModelBuilder, facts: GenesisFacts, denom: string | undefined, parachain: boolean): void {
  const { model } = builder;
  if (facts.sudo) {
    model.grants.push({ role: 'sudo', title: sudoTitle(facts.sudo), powers: ROOT_POWERS, holder: facts.sudo.address, layer: 'governance', critical: false, root: true, source: 'substrateSudo', at: builder.origin(facts.sudo.at) });
  }
  if (facts.upgradeKey) {
    // The first runtimes' upgrade-key module: its key sets the runtime code, and with it everything else.
    model.grants.push({ role: 'upgrade-key', title: 'Upgrade key', powers: ['upgrade'], holder: facts.upgradeKey.address, layer: 'governance', critical: false, root: true, at: builder.origin(facts.upgradeKey.at) });
  }

  // One grant per holder and power: a collator listed as invulnerable and as session validator holds one role.
  const granted = new Map<string, Set<Power>>();
  for (const group of facts.groups) {
    for (const member of group.members) {
      const held = granted.get(member.address.key) ?? new Set<Power>();
      const powers = group.powers.filter((p) => !held.has(p));
      if (powers.length === 0) continue;
      for (const power of powers) held.add(power);
      granted.set(member.address.key, held);
      const grant: Grant = { role: ROLE_IDS[group.id], title: group.title, powers, holder: member.address, layer: 'execution', critical: false, at: builder.origin(member.at) };
      model.grants.push(grant);
    }
  }

  if (facts.stakers) {
    model.distributions.push({ kind: 'stake', title: 'validator bonds at genesis', denom, entries: amounts(builder, facts.stakers.entries), at: builder.origin(facts.stakers.at) });
  } else {
    // A parachain's collators only author blocks: the relay chain validates and finalizes them, and
    // one honest collator keeps the chain live, so BFT shares of the collator set mean nothing.
    // A solo chain's BFT set is its finality gadget: GRANDPA stalls without more than 2/3 of its
    // voters, while Aura or BABE authoring goes on (more slowly) as long as one author is left.
    const consensus = parachain ? undefined : consensusSet(facts);
    if (consensus) model.distributions.push(votingPower(builder, consensus));
  }

  const admission = admissionOf(facts, parachain);
  if (admission) model.validatorSet = { admission: admission.admission, how: admission.how, source: admission.source, at: builder.origin(admission.at) };

  for (const council of facts.councils) {
    model.councils.push({
      id: council.id,
      name: council.name,
      kind: 'council',
      // A collective of one member passes every motion on that member's vote alone: it acts through that key.
      address: council.members.length === 1 ? council.members[0].address : undefined,
      members: council.members.map((m) => m.address),
      signers: council.members.length,
      at: builder.origin(council.at),
    });
    // The collective acts as one origin: its motions pass by a threshold the runtime sets per call.
    model.grants.push({ role: `${council.id}-collective`, title: `${council.name} (pallet-collective)`, powers: ['govern'], holder: namedParty(council.id), layer: 'governance', critical: false, at: builder.origin(council.at) });
  }

  // Balances matter for control only where tokens vote: NPoS staking or token-weighted governance.
  if (facts.balances && facts.tokenVoting) {
    model.distributions.push({ kind: 'supply', title: 'genesis balances', denom, bonded: facts.staking, entries: amounts(builder, facts.balances.entries), at: builder.origin(facts.balances.at) });
  }
}

/**
 * The sudo key's title. The all-zero account is a dev key (data/dev-keys.ts) whose findings say anyone
 * can sign as it; where the spec's runtime code cannot show whether CheckNonZeroSender bars it, the
 * title says so.
 */
function sudoTitle(sudo: SudoFacts): string {
  return sudo.zeroAccount === 'unknown' ? 'Sudo key (usable by anyone unless the runtime bars the all-zero account with CheckNonZeroSender)' : 'Sudo key';
}

function amounts(builder: ModelBuilder, entries: AmountEntry[]): Distribution['entries'] {
  return entries.map((e) => ({ holder: e.address, amount: e.amount.toString(), at: builder.origin(e.at) }));
}

/** Each member once, with its weight (GRANDPA, BABE) or 1: in Aura and collator rotation every author counts the same. */
function votingPower(builder: ModelBuilder, group: AuthorityGroup): Distribution {
  const seen = new Set<string>();
  const entries: Distribution['entries'] = [];
  for (const member of group.members) {
    if (seen.has(member.address.key)) continue;
    seen.add(member.address.key);
    entries.push({ holder: member.address, amount: (member.weight ?? 1n).toString(), at: builder.origin(member.at) });
  }
  return { kind: 'voting-power', title: group.setTitle, entries, at: builder.origin(group.at) };
}

/** The set whose shares decide liveness and safety: GRANDPA voters, else session validators with finality keys, else the authors. */
function consensusSet(facts: GenesisFacts): AuthorityGroup | undefined {
  const grandpa = facts.groups.find((g) => g.id === 'grandpa');
  if (grandpa) return grandpa;
  const session = facts.groups.find((g) => g.id === 'session' && g.powers.includes('finalize'));
  if (session) return session;
  return authoringSet(facts);
}

type Admission = { admission: 'permissioned' | 'permissionless'; how: string; source?: string; at: Path };

/**
 * Who may join the set of block authors. Cumulus collator selection adds bonded candidates only
 * up to `desiredCandidates`, whose genesis default is 0: with it at 0 only the invulnerables, whom
 * Root alone changes, ever collate. Moonbeam's parachain-staking admits anyone who bonds. NPoS
 * staking elects validators by stake each era, unless `ForceEra` is `ForceNone`, which stops eras and
 * so keeps the genesis validators. Without any of these, the genesis authorities are a
 * proof-of-authority set that only Root (sudo or a runtime upgrade) changes.
 */
function admissionOf(facts: GenesisFacts, parachain: boolean): Admission | undefined {
  const selection = facts.collatorSelection;
  if (selection && selection.invulnerables.length > 0) {
    const count = `${selection.invulnerables.length} invulnerable collator${selection.invulnerables.length === 1 ? '' : 's'}`;
    const desired = selection.desiredCandidates;
    const bond = selection.candidacyBond;
    if (!desired || desired.value === 0) {
      const why = desired ? 'desiredCandidates is 0' : 'desiredCandidates is not set and defaults to 0';
      const bondText = bond ? `, whatever the candidacy bond (${bond.value.toString()})` : '';
      return { admission: 'permissioned', how: `Cumulus collator selection with ${count}: ${why}, so no bonded candidate is ever selected${bondText}, and only Root can change the invulnerables; ${collatorReach(distinct(selection.invulnerables))}`, source: 'substrateCollatorSelection', at: desired?.at ?? selection.at };
    }
    const bondText = bond ? (bond.value === 0n ? 'with no candidacy bond' : `with a candidacy bond of ${bond.value.toString()}`) : 'with the default candidacy bond';
    return { admission: 'permissionless', how: `Cumulus collator selection: besides ${count}, up to ${desired.value} candidates join ${bondText}`, source: 'substrateCollatorSelection', at: desired.at };
  }
  const staking = facts.parachainStaking;
  if (staking) {
    const size = staking.totalSelected ? `the ${staking.totalSelected.value} candidates with the most stake` : 'the candidates with the most stake';
    return { admission: 'permissionless', how: `parachain-staking: any account that bonds the minimum candidate stake becomes a candidate, and ${size} collate each round (${distinct(staking.selected)} at genesis)`, at: staking.at };
  }
  if (facts.staking) {
    if (facts.forceEra?.value !== 'ForceNone') return undefined;
    const validators = authoringSet(facts);
    const count = validators ? `the ${distinct(validators.members)} genesis validator${distinct(validators.members) === 1 ? '' : 's'}` : 'the genesis validators';
    return { admission: 'permissioned', how: `NPoS staking with its elections switched off: Staking::ForceEra is ForceNone, so no new era starts and ${count} stay until Root forces one`, source: 'substrateStaking', at: facts.forceEra.at };
  }
  if (selection) return undefined;
  const authorities = facts.groups.filter((g) => g.id !== 'staking-invulnerables');
  if (authorities.length === 0) return undefined;
  const names = [...new Set(authorities.map((g) => g.setTitle))].join(' and ');
  const how = `proof of authority: the genesis authorities of the ${names}, with no staking or collator selection, change only through Root (sudo or a runtime upgrade)`;
  const collators = distinct(authoringSet(facts)?.members ?? []);
  return { admission: 'permissioned', how: parachain && collators > 0 ? `${how}; ${collatorReach(collators)}` : how, source: 'substrateChainSpec', at: authorities[0].at };
}

/**
 * What a parachain's collators can do: they choose which transactions get in and, all of them
 * together, can stop block production (one honest collator keeps it going); the relay chain's
 * validators check and finalize every block, so they cannot make an invalid one final.
 */
function collatorReach(count: number): string {
  return count === 1
    ? 'this one collator alone decides which transactions get in and can stop block production, though the relay chain\'s validators check every block it makes'
    : `these ${count} collators decide which transactions get in, and all of them together can stop block production, though the relay chain's validators check every block they make`;
}

/** The set that authors blocks (see AUTHORING). */
function authoringSet(facts: GenesisFacts): AuthorityGroup | undefined {
  return AUTHORING.map((id) => facts.groups.find((g) => g.id === id)).find((g) => g !== undefined);
}

function distinct(accounts: { address: { key: string } }[]): number {
  return new Set(accounts.map((a) => a.address.key)).size;
}

function readCodeSubstitutes(builder: ModelBuilder, spec: Record<string, unknown>): void {
  const value = spec.codeSubstitutes;
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    builder.problem(['codeSubstitutes'], 'codeSubstitutes should be an object of block number → runtime code.');
    return;
  }
  const blocks = keysOf(value);
  if (blocks.length === 0) return;
  builder.model.codeOverrides = blocks.map((block) => ({ title: `code substitute from block ${block}`, from: block, at: builder.origin(['codeSubstitutes', block]) }));
}
