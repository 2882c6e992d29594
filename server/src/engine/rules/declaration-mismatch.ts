import type { SourceId } from '../data/sources';
import type { EntityIndex } from '../entities';
import type { DeclaredEntity, EntityKind } from '../entities/types';
import { aFact, readAt, sourceName } from '../lock/describe';
import type { LockedAddress } from '../lock/schema';
import type { AppliedSection } from '../lock/verified-view';
import { parseAddress } from '../model/address';
import { formatDuration } from '../model/duration';
import { cite, fitting } from './phrases';
import type { Rule, RuleFinding } from './types';

type Field = 'kind' | 'threshold' | 'signers' | 'delay';

/** Lock kinds a declared kind cannot be: a key is no Safe, a Safe no timelock. A contract may implement a multisig or governance, so it contradicts neither. */
const CONTRADICTS: Partial<Record<EntityKind, ReadonlySet<LockedAddress['kind']>>> = {
  eoa: new Set(['safe', 'timelock', 'upgrade-executor', 'contract']),
  multisig: new Set(['eoa', 'timelock']),
  timelock: new Set(['eoa', 'safe']),
  governance: new Set(['eoa', 'safe']),
  contract: new Set(['eoa']),
};

const KIND_WORDS: Record<EntityKind, string> = {
  eoa: 'a single key (EOA)',
  multisig: 'a multisig',
  timelock: 'a timelock',
  governance: 'on-chain governance',
  contract: 'a contract',
  module: 'a module account',
  unknown: 'of unknown kind',
};

export const declarationMismatch: Rule = {
  meta: {
    id: 'declaration-mismatch',
    title: 'A declaration contradicts what was verified on chain',
    severity: 'error',
    category: 'roles',
    description: 'An entity in .chokepoint.yaml or a `chokepoint:` comment says an address is something (its kind, threshold, signers or timelock delay) that chokepoint.lock.json or an L2BEAT discovery snapshot read differently on chain.',
    rationale:
      'Declarations are how Chokepoint counts who must collude and how long users have to exit. A declaration that the chain contradicts (a key declared as a multisig, a Safe whose threshold was lowered, a timelock whose delay was cut) makes every verdict built on it wrong, and it misleads the people who read the config. What the chain reports is used instead, and the contradiction is an error so that the declaration is corrected rather than trusted.',
    remediation:
      'Correct the declaration to what the chain shows, or remove it: the verified fact is used either way. If the chain changed on purpose, run `chokepoint verify` again and review the lock\'s diff.',
    sources: ['safeOwnerManager', 'ozTimelockController', 'chokepointVerify'],
    fixable: false,
  },
  *check({ declarations, verified, entities }) {
    if (!verified || !declarations) return;
    const read = new Map<string, { fact: LockedAddress; section: AppliedSection }>();
    for (const section of verified.sections) {
      for (const [hex, fact] of Object.entries(section.chain.addresses)) if (fact.kind !== 'error') read.set(parseAddress(hex)!.key, { fact, section });
    }
    for (const declaration of declarations) {
      for (const address of declaration.addresses) {
        const hit = read.get(address.key);
        if (!hit) continue;
        for (const clash of clashes(declaration, hit.fact)) yield finding(declaration, entities, address.key, hit, clash);
      }
    }
  },
};

interface Clash {
  field: Field;
  declared: string;
}

function clashes(declaration: DeclaredEntity, fact: LockedAddress): Clash[] {
  const { kind, threshold, signers, delaySeconds } = declaration.facts;
  if (kind && CONTRADICTS[kind]?.has(fact.kind)) return [{ field: 'kind', declared: declaredAs(declaration) }];
  const found: Clash[] = [];
  if (fact.kind === 'safe') {
    const wrongThreshold = threshold !== undefined && threshold !== fact.threshold;
    const wrongSigners = signers !== undefined && signers !== fact.owners?.length;
    if (wrongThreshold || wrongSigners) found.push({ field: wrongThreshold ? 'threshold' : 'signers', declared: declaredAs(declaration) });
  }
  if (fact.kind === 'timelock' && delaySeconds !== undefined && delaySeconds !== fact.minDelay) found.push({ field: 'delay', declared: `a timelock of ${formatDuration(delaySeconds)}` });
  return found;
}

/** "a 3-of-5 multisig", "a single key (EOA)", "a timelock of 7 days". */
function declaredAs(declaration: DeclaredEntity): string {
  const { kind, threshold, signers, delaySeconds } = declaration.facts;
  if ((kind === 'multisig' || kind === undefined) && (threshold !== undefined || signers !== undefined)) return `a ${threshold ?? '?'}-of-${signers ?? '?'} multisig`;
  if (kind === 'timelock' && delaySeconds !== undefined) return `a timelock of ${formatDuration(delaySeconds)}`;
  return KIND_WORDS[kind ?? 'unknown'];
}

function finding(declaration: DeclaredEntity, entities: EntityIndex, key: string, hit: { fact: LockedAddress; section: AppliedSection }, clash: Clash): RuleFinding {
  const { fact, section } = hit;
  const entity = entities.get(entities.declaredIdOf(key) ?? key);
  const label = entity ? entities.label(entity) : key;
  const who = declaration.by === 'config' && declaration.entity && declaration.entity !== label ? `${label} (entity "${declaration.entity}")` : label;
  const source: SourceId = fact.kind === 'safe' ? 'safeOwnerManager' : fact.kind === 'timelock' ? 'ozTimelockController' : 'chokepointVerify';
  const where = declaration.by === 'config' ? 'in .chokepoint.yaml' : 'by this comment';
  return {
    at: declaration.by === 'config' ? { file: declaration.at.file, path: [...declaration.at.path, clash.field] } : declaration.at,
    ...(declaration.span ? { span: declaration.span } : {}),
    subjects: [key],
    message: fitting(`${who} is declared ${where} as ${clash.declared}, but ${sourceName(section.source)} read ${aFact(fact)}.`, `${label} is declared ${where} as ${clash.declared}, but the chain shows ${aFact(fact)}.`),
    detail: `${capitalized(readAt(section.chainId, section.chain))}, ${sourceName(section.source)} read ${aFact(fact)} (${cite(source)})${who === label ? '' : `; the declaration is of entity "${declaration.entity}"`}. Chokepoint counts what the chain shows; correct or remove the declaration so the config does not mislead its readers.`,
  };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
