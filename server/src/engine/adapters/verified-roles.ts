import type { LockedRoles } from '../lock/schema';
import type { AuthorityModel, ProofSystem } from '../model/schema';
import { gameTypeProofSystem } from './op/game-types';

/**
 * What each framework reads from the roles a chain's deployed contracts report (the lock's
 * `rollups`) beyond who holds them: the proof system withdrawals trust, and where in the files to
 * point at it when they do not state it. Rules compare roles by id and proof systems by kind, so
 * they stay framework-neutral.
 */
const PROOF_READERS: Record<string, (roles: LockedRoles, model: AuthorityModel) => ProofSystem | undefined> = {
  'op-stack': (roles, model) => {
    if (typeof roles.respectedGameType !== 'number') return undefined;
    const portal = model.contracts?.find((c) => /^OptimismPortal/.test(c.name));
    return { ...gameTypeProofSystem(roles.respectedGameType), at: portal?.at ?? model.chain.at };
  },
};

export function proofSystemFromRoles(roles: LockedRoles, model: AuthorityModel): ProofSystem | undefined {
  const read = Object.prototype.hasOwnProperty.call(PROOF_READERS, model.chain.framework) ? PROOF_READERS[model.chain.framework] : undefined;
  return read?.(roles, model);
}
