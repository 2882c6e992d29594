import { KNOWN_ENTITIES } from '../data/known-entities';
import { displayName } from '../text/display';
import { THRESHOLDS } from '../data/thresholds';
import { durationAdjective } from '../model/duration';
import { addressName, parseAddress } from '../model/address';
import type { Address } from '../model/schema';
import type { Entity, EntityDeclaration, EntityFacts } from './types';

/**
 * Knows who controls each address. Declarations are applied in order of precedence, each later
 * one overriding: the framework's published holders, what the linted files show of an address
 * (its account key, a module's derived address), councils described in the file itself,
 * .chokepoint.yaml, then inline annotations.
 */
export class EntityIndex {
  private readonly byId = new Map<string, Entity>();
  private readonly idByKey = new Map<string, string>();
  private readonly addressByKey = new Map<string, Address>();

  static withBuiltins(): EntityIndex {
    const index = new EntityIndex();
    for (const known of KNOWN_ENTITIES) {
      const addresses = known.addresses.map((a) => parseAddress(a)).filter((a): a is Address => a !== undefined);
      index.declare({ ...known }, addresses, { by: 'builtin', source: known.source, note: known.note }, known.name);
    }
    return index;
  }

  declare(facts: EntityFacts, addresses: Address[], declared: EntityDeclaration, name?: string): Entity {
    const id = facts.entity ?? addresses[0]?.key ?? `anonymous-${this.byId.size}`;
    const existing = this.byId.get(id);
    const entity: Entity = existing ?? { id, name: name ?? facts.entity ?? (addresses[0] ? addressName(addresses[0]) : id), kind: 'unknown', addressKeys: [] };
    if (name) entity.name = name;
    if (facts.kind) entity.kind = facts.kind;
    for (const field of ['threshold', 'signers', 'external', 'delaySeconds', 'members'] as const) {
      if (facts[field] !== undefined) (entity as unknown as Record<string, unknown>)[field] = facts[field];
    }
    if (!existing || declared.by !== 'builtin') entity.declared = { ...declared, note: facts.note ?? declared.note };
    for (const address of addresses) {
      const previous = this.idByKey.get(address.key);
      if (previous && previous !== id) {
        const old = this.byId.get(previous);
        if (old) old.addressKeys = old.addressKeys.filter((k) => k !== address.key);
      }
      this.idByKey.set(address.key, id);
      this.addressByKey.set(address.key, address);
      if (!entity.addressKeys.includes(address.key)) entity.addressKeys.push(address.key);
    }
    this.byId.set(id, entity);
    return entity;
  }

  /** The entity that controls an address; an undeclared address is an entity of its own, of unknown kind. */
  entityOf(address: Address): Entity {
    const id = this.idByKey.get(address.key);
    if (id) return this.byId.get(id)!;
    const entity: Entity = { id: address.key, name: addressName(address), kind: 'unknown', addressKeys: [address.key] };
    this.byId.set(entity.id, entity);
    this.idByKey.set(address.key, entity.id);
    this.addressByKey.set(address.key, address);
    return entity;
  }

  /** The id of the entity an address key was declared under, or of its own entity once one was made; undefined otherwise. */
  declaredIdOf(key: string): string | undefined {
    return this.idByKey.get(key);
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  all(): Entity[] {
    return [...this.byId.values()];
  }

  /**
   * True when acting through this entity takes a properly set-up Security Council: at least
   * 8 signers, a 75% threshold and, when declared, enough outside signers to block a quorum; or a
   * multisig none of whose quorums can form without a member that is such a council (a 2-of-2 with
   * the council, a 1-of-1 Safe the council owns); or a timelock or contract all of whose
   * controllers are (it is as strong as its weakest member). Cycles are cut.
   */
  isProperCouncil(entity: Entity, path = new Set<string>()): boolean {
    if (path.has(entity.id)) return false;
    const { threshold, signers } = entity;
    if (threshold !== undefined && signers !== undefined && signers > 0 && signers >= THRESHOLDS.councilMinSigners.value && threshold / signers >= THRESHOLDS.councilMinThreshold.value && !lacksOutsiders(entity)) return true;
    const members = (entity.members ?? []).map((id) => this.byId.get(id));
    if (members.length === 0) return false;
    const inner = new Set(path).add(entity.id);
    const proper = members.map((member) => member !== undefined && this.isProperCouncil(member, inner));
    if (threshold !== undefined) {
      const councils = proper.filter(Boolean).length;
      const others = Math.max(signers ?? 0, members.length) - councils;
      return councils > 0 && others < threshold;
    }
    return (entity.kind === 'timelock' || entity.kind === 'contract') && proper.every(Boolean);
  }

  /** "a 5-of-7 multisig", "a single key (EOA)", "an undeclared address" … */
  describe(entity: Entity): string {
    const delay = entity.delaySeconds ? ` behind a ${durationAdjective(entity.delaySeconds)} timelock` : '';
    switch (entity.kind) {
      case 'eoa':
        return `a single key (EOA)${delay}`;
      case 'multisig':
        return entity.threshold !== undefined && entity.signers !== undefined
          ? `a ${entity.threshold}-of-${entity.signers} multisig${delay}`
          : `a multisig of undeclared threshold${delay}`;
      case 'timelock':
        return entity.delaySeconds !== undefined ? `a ${durationAdjective(entity.delaySeconds)} timelock` : 'a timelock of undeclared delay';
      case 'governance':
        return `on-chain governance${delay}`;
      case 'contract':
        return `a contract${delay}`;
      case 'module':
        return 'a module account, moved only by its module\'s code';
      default:
        return 'an undeclared address';
    }
  }

  /** An entity named for a message together with what it is: "security-council (a 6-of-8 multisig)". */
  who(entity: Entity): string {
    if (entity.declared?.by === 'builtin') return entity.name;
    return `${this.label(entity)} (${this.describe(entity)})`;
  }

  /** How to name an entity in a message: its declared name (visible, at most 64 characters), or the address, shortened. */
  label(entity: Entity): string {
    if (entity.declared || entity.addressKeys.length !== 1) return displayName(entity.name);
    const address = this.addressByKey.get(entity.addressKeys[0]);
    return address ? addressName(address) : displayName(entity.name);
  }
}

/** Declares fewer outside signers than it takes to block a quorum (signers − threshold + 1). */
function lacksOutsiders(entity: Entity): boolean {
  const { external, threshold, signers } = entity;
  return external !== undefined && threshold !== undefined && signers !== undefined && external < signers - threshold + 1;
}
