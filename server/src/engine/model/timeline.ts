import type { AuthorityModel, EndedGrant, Grant } from './schema';

/**
 * Evaluates the chain's timeline: every grant that a role end (`roleEnds`) ends, because it took
 * effect before the end, leaves `grants` for `endedGrants`. Rules read `grants`, so they judge the
 * final state; a role granted again after its end stays. Applying it twice changes nothing.
 */
export function applyRoleEnds(model: AuthorityModel): void {
  const ends = model.roleEnds ?? [];
  if (ends.length === 0) return;
  const live: Grant[] = [];
  const ended: EndedGrant[] = model.endedGrants ?? [];
  for (const grant of model.grants) {
    const end = ends
      .filter((e) => e.roles.includes(grant.role) && (grant.from === undefined || Date.parse(grant.from) < Date.parse(e.until)))
      .sort((a, b) => Date.parse(a.until) - Date.parse(b.until))[0];
    if (end) ended.push({ ...grant, until: end.until, endedBy: end });
    else live.push(grant);
  }
  model.grants = live;
  model.endedGrants = ended;
}
