import { SOURCES, type SourceId } from '../data/sources';
import type { EntityIndex } from '../entities';
import type { Entity } from '../entities/types';
import type { Format } from '../parse';
import type { Grant, Network, Power } from '../model/schema';
import type { Severity } from '../config/schema';

/** "a", "a and b", "a, b and c" */
export function listOf(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique.join('');
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** "a, b and 3 more": the first `shown` items, then how many are left out. */
export function someOf(items: string[], shown: number): string {
  const unique = [...new Set(items)];
  if (unique.length <= shown + 1) return listOf(unique);
  return `${unique.slice(0, shown).join(', ')} and ${unique.length - shown} more`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const POWER_VERBS: Record<Power, string> = {
  upgrade: 'upgrade contracts',
  pause: 'pause transactions or withdrawals',
  mint: 'mint tokens',
  censor: 'decide who may transact',
  deploy: 'decide who may deploy contracts',
  sequence: 'order transactions',
  propose: 'propose state roots',
  challenge: 'challenge state roots',
  'set-params': 'change chain parameters',
  'receive-fees': 'collect fees',
  halt: 'halt the chain',
  finalize: 'finalize blocks',
  govern: 'pass governance decisions',
  'set-validators': 'choose the validators',
  unscoped: 'act in a role whose powers are not known',
};

/** What upgrading means where the chain's code is not a set of contracts. */
const UPGRADE_VERBS: Record<string, string> = {
  substrate: 'upgrade the runtime',
  'cosmos-sdk': 'schedule chain upgrades',
};

/** "upgrade contracts and pause transactions or withdrawals"; in the framework's own terms when given. */
export function powerVerbs(powers: Iterable<Power>, framework?: string): string {
  const upgrade = framework !== undefined && Object.prototype.hasOwnProperty.call(UPGRADE_VERBS, framework) ? UPGRADE_VERBS[framework] : POWER_VERBS.upgrade;
  return listOf([...powers].map((p) => (p === 'upgrade' ? upgrade : POWER_VERBS[p])));
}

export function roleTitles(grants: Grant[]): string {
  return listOf(grants.map((g) => g.title));
}

/** "the Proposer and the Challenger" */
export function theRoles(titles: string[]): string {
  return listOf(titles.map((t) => `the ${t}`));
}

/** Powers that let a holder change or stop the chain, as opposed to operating it. */
export const CONTROL_POWERS: ReadonlySet<Power> = new Set(['upgrade', 'pause', 'mint', 'censor', 'deploy', 'set-params', 'govern', 'challenge', 'set-validators']);

export function cite(source: SourceId): string {
  return SOURCES[source].short;
}

/** The source a model element names, if it is one, else `fallback`. */
export function namedSourceOr(id: string | undefined, fallback: SourceId): SourceId {
  return id !== undefined && Object.prototype.hasOwnProperty.call(SOURCES, id) ? (id as SourceId) : fallback;
}

/** How to declare what an address is, in words that fit the file: comments where the format has them. */
export function declareHint(format: Format, entity: Entity): string {
  const registry = 'under `entities:` in .chokepoint.yaml';
  if (format === 'json') return `Declare it ${registry}`;
  const marker = format === 'jsonc' ? '//' : '#';
  if (entity.kind === 'multisig') return `Declare it ${registry} or with a comment on its line such as \`${marker} chokepoint: multisig <M>-of-<N>\``;
  return `Declare it ${registry} or with a comment on its line such as \`${marker} chokepoint: eoa\` or \`${marker} chokepoint: multisig <M>-of-<N> timelock <days>d\``;
}

/** How to remove a prompt about what an address is: read it on chain where `chokepoint verify` can, else declare it. */
export function resolveHint(format: Format, entity: Entity, onChain: boolean): string {
  const declare = declareHint(format, entity);
  if (!onChain) return declare;
  return `Run \`chokepoint verify --rpc <URL>\`, which reads what it is on chain into chokepoint.lock.json, or ${declare.charAt(0).toLowerCase()}${declare.slice(1)}`;
}

/** Mild on devnets, firm on testnets, strict in production. */
export function byNetwork(network: Network, production: Severity, testnet: Severity, devnet: Severity): Severity {
  return network === 'devnet' ? devnet : network === 'testnet' ? testnet : production;
}

/** What a message aims at so that it fits one row of the Problems panel; the hard limit is 140. */
export const MESSAGE_TARGET = 120;

/** The first wording that fits one Problems row, else the last (the caller's shortest). */
export function fitting(...wordings: string[]): string {
  return wordings.find((w) => w.length <= MESSAGE_TARGET) ?? wordings[wordings.length - 1];
}

/**
 * A message about an entity, naming it with what it is ("0x1d5B…f7A8 (a single key (EOA))") when that
 * fits one Problems row, else by its label; `about` then says what it is, to lead the detail.
 */
export function namingEntity(entities: EntityIndex, entity: Entity, sentence: (name: string) => string): { message: string; about: string } {
  const full = sentence(entities.who(entity));
  if (full.length <= MESSAGE_TARGET) return { message: full, about: '' };
  const label = entities.label(entity);
  return { message: sentence(label), about: `${label} is ${entities.describe(entity)}. ` };
}
