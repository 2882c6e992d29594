import type { Grant, Power } from '../model/schema';

/**
 * How much a power can do to a chain, for choosing which of a holder's roles a finding sits on:
 * upgrading first, then stopping, censoring or minting, then steering, then the settlement roles,
 * then operating; fees, finality votes and roles of unknown scope last.
 */
const RANK: Partial<Record<Power, number>> = {
  upgrade: 5,
  pause: 4,
  censor: 4,
  deploy: 4,
  mint: 4,
  'set-validators': 4,
  'set-params': 3,
  govern: 3,
  challenge: 2,
  propose: 2,
  sequence: 1,
};

export function powerRank(power: Power): number {
  return RANK[power] ?? 0;
}

/** A root grant can do anything, so it outranks every scoped one. */
function grantRank(grant: Grant): number {
  return grant.root ? 6 : Math.max(0, ...grant.powers.map(powerRank));
}

/** The grants most powerful first; among equals, critical roles first, then as the files list them. */
export function byPower(grants: readonly Grant[]): Grant[] {
  return grants
    .map((grant, index) => ({ grant, index }))
    .sort((a, b) => grantRank(b.grant) - grantRank(a.grant) || Number(b.grant.critical) - Number(a.grant.critical) || a.index - b.index)
    .map(({ grant }) => grant);
}
