import type { ProofSystem } from '../../model/schema';

/** The proof system a respected game type of the OP dispute game factory stands for (OP specs, configurability.md). */
export function gameTypeProofSystem(gameType: number): Pick<ProofSystem, 'kind' | 'title'> {
  if (gameType === 0) return { kind: 'permissionless-fraud', title: 'permissionless fault proofs (respectedGameType 0, CANNON)' };
  if (gameType === 1) return { kind: 'permissioned-fraud', title: 'permissioned fault proofs (respectedGameType 1, PERMISSIONED_CANNON)' };
  return { kind: 'none', title: `test-only dispute game type ${gameType}, which proves nothing` };
}
