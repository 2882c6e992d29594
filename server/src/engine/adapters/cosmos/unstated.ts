import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { UnstatedPower } from '../../model/schema';

/** Role names of unknown modules that could be the chain's authority; minters and pausers could not. */
const AUTHORITY_LIKE = /admin|owner|authority|governor|upgrader|sudo/i;

/**
 * x/upgrade and the SDK's other modules take their authority from the app's wiring, and the SDK's
 * default is the x/gov module account. A genesis with x/upgrade but no x/gov therefore does not say
 * who may upgrade the chain and change its modules' parameters: the binary does. That is recorded as
 * unknown, with the roles the file does name that could be it, unless a module authority in the file
 * already says who holds the upgrade power. Read after groups and custom-module roles.
 */
export function readUnstatedAuthority(builder: ModelBuilder): void {
  const app = builder.get(['app_state']);
  if (!isRecord(app) || !isRecord(app.upgrade) || isRecord(app.gov)) return;
  if (builder.model.grants.some((g) => g.powers.includes('upgrade'))) return;
  const candidates: UnstatedPower['candidates'] = [];
  for (const council of builder.model.councils) {
    if (!council.address || !council.id.startsWith('x/group policy')) continue;
    const { threshold, signers } = council;
    const decides = threshold === undefined || signers === undefined ? '' : signers === 1 ? 'whose only member decides alone' : `where ${threshold} of its ${signers} members decide`;
    candidates.push({ address: council.address, role: decides || 'an x/group policy', at: council.at });
  }
  for (const grant of builder.model.grants) {
    if (grant.powers.includes('unscoped') && AUTHORITY_LIKE.test(grant.role) && !candidates.some((c) => c.address.key === grant.holder.key)) {
      candidates.push({ address: grant.holder, role: `the ${grant.title}`, at: grant.at });
    }
  }
  const unstated: UnstatedPower = {
    title: 'upgrade the chain and change its modules\' parameters',
    powers: ['upgrade', 'set-params'],
    layer: 'governance',
    missing: 'the authority the chain\'s binary gives x/upgrade',
    why: 'this genesis has no x/gov module, the SDK\'s default authority, so the binary decides',
    find: 'ask a node of the chain (`<daemon> query upgrade authority`) or read the authority the app passes to its upgrade keeper',
    candidates,
    source: 'cosmosModuleAuthority',
    at: builder.origin(['app_state', 'upgrade']),
  };
  (builder.model.unstated ??= []).push(unstated);
}
