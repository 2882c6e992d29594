import { basename } from 'node:path';
import { chainTitle } from '../adapters/networks';
import type { VerifiedSource } from '../config/resolved';
import { durationAdjective } from '../model/duration';
import { shortAddress } from '../model/address';
import { UNRECORDED_BLOCK } from './l2beat-discovery';
import type { LockedAddress, LockedChain } from './schema';

/** Words for verified facts, shared by messages, hovers and the report. */

/** "Safe 6-of-8", "TimelockController with a 14-day delay", "EOA (single key)", "contract owned by 0x5a0A…3d2A". */
export function describeFact(fact: LockedAddress): string {
  switch (fact.kind) {
    case 'eoa':
      return 'EOA (single key)';
    case 'safe':
      return `Safe ${fact.threshold ?? '?'}-of-${fact.owners?.length ?? '?'}`;
    case 'timelock':
      return fact.minDelay === undefined ? 'TimelockController' : `TimelockController with a ${durationAdjective(fact.minDelay)} delay`;
    case 'upgrade-executor':
      return 'UpgradeExecutor';
    case 'contract':
      return fact.owner ? `contract owned by ${shortAddress(fact.owner)}` : fact.proxy?.admin ? `proxy administered by ${shortAddress(fact.proxy.admin)}` : 'contract';
    default:
      return `unreadable address${fact.error ? ` (${fact.error})` : ''}`;
  }
}

/** The same with its article: "a Safe 6-of-8", "an EOA (single key)". */
export function aFact(fact: LockedAddress): string {
  const text = describeFact(fact);
  return `${/^[AEIOUaeiou]/.test(text) ? 'an' : 'a'} ${text}`;
}

/** "at block 21,693,174 on Ethereum mainnet (chain id 1)"; a snapshot that records only its time gives the date. */
export function readAt(chainId: string, chain: LockedChain): string {
  const on = chainName(chainId);
  if (chain.block.number === UNRECORDED_BLOCK) return chain.block.timestamp ? `on ${chain.block.timestamp.slice(0, 10)} on ${on}` : `at an unrecorded block on ${on}`;
  return `at block ${chain.block.number.toLocaleString('en-US')} on ${on}`;
}

/** "Ethereum mainnet (chain id 1)" for `evm:1`. */
export function chainName(chainId: string): string {
  return chainId.startsWith('evm:') ? chainTitle(chainId.slice(4)) : chainId;
}

/** "block 21,693,174", or the date for a snapshot that records only when it was taken. */
export function blockText(block: number, timestamp: string): string {
  if (block !== UNRECORDED_BLOCK) return `block ${block.toLocaleString('en-US')}`;
  return timestamp ? timestamp.slice(0, 10) : 'an unrecorded block';
}

/** "chokepoint.lock.json", "the L2BEAT snapshot discovered.json". */
export function sourceName(source: Pick<VerifiedSource, 'file' | 'kind'>): string {
  return source.kind === 'lock' ? basename(source.file) : `the L2BEAT snapshot ${basename(source.file)}`;
}

/** Whole days from `timestamp` to `now`; undefined when the source records no time. */
export function ageInDays(timestamp: string, now: Date): number | undefined {
  const time = Date.parse(timestamp);
  if (!timestamp || Number.isNaN(time)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - time) / 86_400_000));
}

/** "3 days ago", "today", "at an unrecorded time". */
export function ageText(timestamp: string, now: Date): string {
  const days = ageInDays(timestamp, now);
  if (days === undefined) return 'at an unrecorded time';
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days.toLocaleString('en-US')} days ago`;
}
