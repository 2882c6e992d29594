import { namedParty } from '../../model/address';
import { ModelBuilder } from '../../model/builder';
import { isRecord, keysOf } from '../../model/read';
import type { Distribution, Grant, Power } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { identify } from '../identity';
import { classifyNetwork, networkFromName, networkFromRelay, UNKNOWN_NETWORK, type NetworkSignal, type NetworkVerdict } from '../networks';
import type { Adapter } from '../types';
import { emptyFacts, type AmountEntry, type AuthorityGroup, type GenesisFacts } from './facts';
import { readPlainGenesis } from './plain';
import { readRawGenesis } from './storage';

/**
 * Substrate / Polkadot SDK chain specs (sc-chain-spec): plain specs, whose genesis is a
 * `runtimeGenesis` patch or full config (or the legacy `runtime` section), and raw specs, whose
 * genesis is the storage trie itself (`raw.top`).
 */

/** What the sudo key can do: pallet-sudo dispatches any call with Root origin. */
const ROOT_POWERS: Power[] = ['upgrade', 'mint', 'set-params', 'set-validators', 'govern'];

const ROLE_IDS: Record<AuthorityGroup['id'], string> = {
  aura: 'aura-authority',
  babe: 'babe-authority',
  grandpa: 'grandpa-authority',
  session: 'session-validator',
  invulnerables: 'invulnerable-collator',
  'staking-invulnerables': 'staking-invulnerable',
};

/** The set that authors blocks, in order of preference: the session set is what Aura and BABE are fed from. */
const AUTHORING: AuthorityGroup['id'][] = ['session', 'invulnerables', 'babe', 'aura', 'staking-invulnerables'];

export const substrateChainSpec: Adapter = {
  id: 'substrate-chain-spec',
  framework: 'Substrate',
  duplicateKeys: "the node reads it with Rust's serde_json, which rejects a repeated field of the spec's typed sections and keeps the last value inside the genesis patch",
  title: 'Substrate chain spec',
  sniff: /^(?=[\s\S]*\bgenesis\b)(?=[\s\S]*\b(runtimeGenesis|runtime|raw|stateRootHash)\b)/,
  detect(value) {
    if (!isRecord(value) || !isRecord(value.genesis)) return 0;
    const genesis = value.genesis;
    const shaped = isRecord(genesis.runtimeGenesis) || isRecord(genesis.runtime) || rawTopPath(genesis) !== undefined || typeof genesis.stateRootHash === 'string';
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
    const parachain = facts.collatorSelection !== undefined || spec.para_id !== undefined || spec.parachainId !== undefined;
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

/**
 * Where a raw spec keeps its top storage trie: `raw.top`, or in the first specs (Kusama's and
 * Polkadot's launch specs, before substrate#4357) `raw` is the pair `[top, children]`.
 */
function rawTopPath(genesis: Record<string, unknown>): ['top'] | [0] | undefined {
  if (isRecord(genesis.raw) && isRecord(genesis.raw.top)) return ['top'];
  if (Array.isArray(genesis.raw) && isRecord(genesis.raw[0])) return [0];
  return undefined;
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
  const paraId = spec.para_id ?? spec.parachainId;
  const para = relay !== undefined && (typeof paraId === 'number' || typeof paraId === 'string') ? `${relay}/${String(paraId)}` : undefined;
  const genesis = isRecord(spec.genesis) ? spec.genesis : {};
  const plain = isRecord(genesis.runtimeGenesis) || isRecord(genesis.runtime);
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
  const top = rawTopPath(genesis);
  if (top) return readRawGenesis(builder, ['genesis', 'raw', ...top]);
  if (isRecord(genesis.runtimeGenesis)) {
    const inner = genesis.runtimeGenesis;
    const part = isRecord(inner.patch) ? 'patch' : isRecord(inner.config) ? 'config' : undefined;
    if (part) return readPlainGenesis(builder, ['genesis', 'runtimeGenesis', part]);
    builder.problem(['genesis', 'runtimeGenesis'], 'runtimeGenesis should hold the runtime code and either a "patch" or a "config" object.');
    return emptyFacts();
  }
  if (isRecord(genesis.runtime)) return readPlainGenesis(builder, ['genesis', 'runtime']);
  // A stateRootHash genesis carries no state to read.
  return emptyFacts();
}

function mapFacts(builder: ModelBuilder, facts: GenesisFacts, denom: string | undefined, parachain: boolean): void {
  const { model } = builder;
  if (facts.sudo) {
    model.grants.push({ role: 'sudo', title: 'Sudo key', powers: ROOT_POWERS, holder: facts.sudo.address, layer: 'governance', critical: false, root: true, source: 'substrateSudo', at: builder.origin(facts.sudo.at) });
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

  const admission = admissionOf(facts);
  if (admission) model.validatorSet = { ...admission, at: builder.origin(admission.at) };

  for (const council of facts.councils) {
    model.councils.push({
      id: council.id,
      name: council.name,
      kind: 'council',
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
  return AUTHORING.map((id) => facts.groups.find((g) => g.id === id)).find((g) => g !== undefined);
}

/**
 * Who may join the set of block authors. Cumulus collator selection adds bonded candidates only
 * up to `desiredCandidates`, whose genesis default is 0: with it at 0 only the invulnerables, whom
 * Root alone changes, ever collate. Without collator selection or staking, the genesis authorities
 * are a proof-of-authority set that only Root (sudo or a runtime upgrade) changes.
 */
function admissionOf(facts: GenesisFacts): { admission: 'permissioned' | 'permissionless'; how: string; source: string; at: Path } | undefined {
  const selection = facts.collatorSelection;
  if (selection && selection.invulnerables.length > 0) {
    const count = `${selection.invulnerables.length} invulnerable collator${selection.invulnerables.length === 1 ? '' : 's'}`;
    const desired = selection.desiredCandidates;
    const bond = selection.candidacyBond;
    if (!desired || desired.value === 0) {
      const why = desired ? 'desiredCandidates is 0' : 'desiredCandidates is not set and defaults to 0';
      const bondText = bond ? `, whatever the candidacy bond (${bond.value.toString()})` : '';
      return { admission: 'permissioned', how: `Cumulus collator selection with ${count}: ${why}, so no bonded candidate is ever selected${bondText}, and only Root can change the invulnerables`, source: 'substrateCollatorSelection', at: desired?.at ?? selection.at };
    }
    const bondText = bond ? (bond.value === 0n ? 'with no candidacy bond' : `with a candidacy bond of ${bond.value.toString()}`) : 'with the default candidacy bond';
    return { admission: 'permissionless', how: `Cumulus collator selection: besides ${count}, up to ${desired.value} candidates join ${bondText}`, source: 'substrateCollatorSelection', at: desired.at };
  }
  if (selection || facts.staking) return undefined;
  const authorities = facts.groups.filter((g) => g.id !== 'staking-invulnerables');
  if (authorities.length === 0) return undefined;
  const names = authorities.map((g) => g.setTitle).join(' and ');
  return { admission: 'permissioned', how: `proof of authority: the genesis authorities of the ${names}, with no staking or collator selection, change only through Root (sudo or a runtime upgrade)`, source: 'substrateChainSpec', at: authorities[0].at };
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
