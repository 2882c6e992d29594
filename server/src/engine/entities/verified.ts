import { describeFact, readAt } from '../lock/describe';
import type { LockedAddress } from '../lock/schema';
import type { AppliedSection } from '../lock/verified-view';
import { parseAddress, shortAddress } from '../model/address';
import type { Address } from '../model/schema';
import type { EntityIndex } from './index';
import type { Entity, EntityFacts } from './types';

/** Fields a verified fact decides; `external` and `note` stay as declared, since no chain shows them. */
const DECIDED = ['threshold', 'signers', 'delaySeconds', 'members'] as const;

/**
 * Declares what verified sources read on chain, after every other declaration: a verified fact
 * outranks them all. A Safe becomes a multisig whose members are its owners, a timelock one whose
 * members are its proposers, an UpgradeExecutor a contract whose members are its executors, and a
 * contract with an owner or a proxy admin a contract controlled by them; the owners are declared
 * too, so collusion counts follow the ownership down. An address already declared keeps its
 * entity (and name); its facts are replaced. When several addresses of one entity are verified,
 * the one that takes the fewest parties to act decides. `spelling` gives addresses as the files
 * write them (checksummed), by key, for names.
 */
export function declareVerified(entities: EntityIndex, sections: AppliedSection[], spelling: ReadonlyMap<string, string> = new Map()): void {
  const addressOf = (hex: string) => {
    const address = parseAddress(hex)!;
    const raw = spelling.get(address.key);
    return raw ? { ...address, raw } : address;
  };
  for (const section of sections) {
    const decided = new Map<string, number>();
    const contracts: Entity[] = [];
    const facts = Object.entries(section.chain.addresses).filter(([, fact]) => fact.kind !== 'error');
    const idOf = (hex: string) => {
      const address = addressOf(hex);
      const declared = entities.declaredIdOf(address.key);
      return declared !== undefined && entities.get(declared)?.declared ? declared : entities.entityOf(address).id;
    };
    // Every address gets its entity first, so a Safe's owners are named by the entity they will have.
    const targets = new Map(facts.map(([hex]) => [hex, idOf(hex)]));
    for (const [hex, fact] of facts) {
      const id = targets.get(hex)!;
      const parties = partiesOf(fact);
      const previous = decided.get(id);
      if (previous !== undefined && previous <= parties) continue;
      decided.set(id, parties);
      const entity = declareOne(entities, section, addressOf(hex), id, fact, (owner) => targets.get(owner) ?? idOf(owner));
      if (entity.kind === 'contract') contracts.push(entity);
    }
    for (const entity of contracts) {
      const delay = delayOf(entity, entities, new Set());
      if (delay !== undefined && delay > 0) entity.delaySeconds = delay;
    }
  }
}

function declareOne(entities: EntityIndex, section: AppliedSection, address: Address, id: string, fact: LockedAddress, memberId: (hex: string) => string): Entity {
  const known = entities.get(id);
  const isNew = !known?.declared;
  const facts: EntityFacts = { entity: id, ...factsOf(fact, memberId) };
  const { source, chainId, chain } = section;
  const entity = entities.declare(facts, [address], {
    by: 'verified',
    file: source.file,
    verified: { source: source.kind, chain: chainId, block: chain.block.number, timestamp: chain.block.timestamp, kind: fact.kind, what: describeFact(fact), readAt: readAt(chainId, chain) },
  }, isNew ? (fact.name ?? shortAddress(address.raw)) : undefined);
  for (const field of DECIDED) if (facts[field] === undefined) delete entity[field];
  return entity;
}

function factsOf(fact: LockedAddress, memberId: (hex: string) => string): EntityFacts {
  const members = (list: (string | null | undefined)[]) => [...new Set(list.filter((a): a is string => typeof a === 'string').map(memberId))];
  switch (fact.kind) {
    case 'eoa':
      return { kind: 'eoa' };
    case 'safe':
      return { kind: 'multisig', threshold: fact.threshold, signers: fact.owners?.length, members: members(fact.owners ?? []) };
    case 'timelock':
      return { kind: 'timelock', delaySeconds: fact.minDelay, members: members(fact.proposers ?? []) };
    case 'upgrade-executor':
      return { kind: 'contract', members: members(fact.executors ?? []) };
    default:
      return { kind: 'contract', members: members([fact.owner, fact.proxy?.admin]) };
  }
}

/** A rough count of who must act, only to choose among several verified addresses of one entity. */
function partiesOf(fact: LockedAddress): number {
  if (fact.kind === 'eoa') return 1;
  if (fact.kind === 'safe') return fact.threshold ?? 1;
  return Number.POSITIVE_INFINITY;
}

/**
 * How long a contract's controllers wait before acting through it: the shortest wait among them, a
 * timelock's delay, none for a key or a Safe; undefined while any controller is unknown.
 */
function delayOf(entity: Entity, entities: EntityIndex, seen: Set<string>): number | undefined {
  if (seen.has(entity.id)) return undefined;
  seen.add(entity.id);
  switch (entity.kind) {
    case 'eoa':
    case 'multisig':
      return entity.delaySeconds ?? 0;
    case 'timelock':
      return entity.delaySeconds;
    case 'contract': {
      const delays = (entity.members ?? []).map((id) => entities.get(id)).map((member) => (member ? delayOf(member, entities, new Set(seen)) : undefined));
      if (delays.length === 0) return undefined;
      const known = delays.filter((d): d is number => d !== undefined);
      if (known.includes(0)) return 0;
      return known.length === delays.length ? Math.min(...known) : undefined;
    }
    default:
      return undefined;
  }
}
