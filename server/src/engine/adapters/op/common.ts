import type { ModelBuilder } from '../../model/builder';
import { numberFrom } from '../../model/read';
import type { Path } from '../../parse';
import { THRESHOLDS } from '../../data/thresholds';

/** Game types of the OP dispute game factory (OP specs, configurability.md). */
export function proofSystemFromGameType(builder: ModelBuilder, path: Path): void {
  const gameType = numberFrom(builder.get(path));
  if (gameType === undefined) return;
  const at = builder.origin(path);
  if (gameType === 0) {
    builder.model.proofSystem = { kind: 'permissionless-fraud', title: 'permissionless fault proofs (respectedGameType 0, CANNON)', at };
  } else if (gameType === 1) {
    builder.model.proofSystem = { kind: 'permissioned-fraud', title: 'permissioned fault proofs (respectedGameType 1, PERMISSIONED_CANNON)', at, permissionlessValue: 0 };
  } else {
    builder.model.proofSystem = { kind: 'none', title: `test-only dispute game type ${gameType}, which proves nothing`, at, permissionlessValue: 0 };
  }
}

/** The sequencing window bounds forced inclusion: after it, users' L1 deposits must be included. */
export function sequencerWindow(builder: ModelBuilder, path: Path, l1BlockSeconds?: number): void {
  const blocks = builder.number(path, 'The sequencing window');
  if (blocks === undefined) return;
  const blockSeconds = l1BlockSeconds ?? THRESHOLDS.ethereumBlockTime.value;
  builder.delay(path, { kind: 'forced-inclusion', title: 'sequencing window (forced inclusion)', unit: 'blocks', blockSeconds, standard: 'opSequencerWindow' }, blocks * blockSeconds);
  builder.parameter(path, { id: 'sequencerWindowSize', title: 'Sequencing window', governs: 'how many L1 blocks may pass before deposits sent through L1 must be included, i.e. how long the sequencer can censor a user', unit: 'blocks', blockSeconds, standard: 'opSequencerWindow' });
}

export function withdrawalDelay(builder: ModelBuilder, path: Path, title: string): void {
  const seconds = builder.number(path, title);
  if (seconds === undefined) return;
  builder.delay(path, { kind: 'withdrawal', title, unit: 'seconds' }, seconds);
  builder.parameter(path, { id: String(path[path.length - 1]), title, governs: 'how long a withdrawal waits before it can be finalized on L1, the time anyone has to challenge it; it is subtracted from any upgrade delay to get the exit window', unit: 'seconds', standard: 'opProofMaturityDelay', bound: 'exactly' });
}

export function fundDevAccountsFlag(builder: ModelBuilder, path: Path): void {
  const value = builder.boolean(path, 'fundDevAccounts');
  if (value) {
    builder.model.flags.push({
      id: 'fundDevAccounts',
      title: 'fundDevAccounts',
      why: 'prefunds the well-known test accounts at genesis, whose private keys are public',
      value,
      safeValue: false,
      at: builder.origin(path),
    });
  }
}
