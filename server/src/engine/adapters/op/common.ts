import type { ModelBuilder } from '../../model/builder';
import { numberFrom } from '../../model/read';
import type { Path } from '../../parse';
import { THRESHOLDS } from '../../data/thresholds';
import { formatDuration } from '../../model/duration';
import { gameTypeProofSystem } from './game-types';

/** Game types of the OP dispute game factory (OP specs, configurability.md). */
export function proofSystemFromGameType(builder: ModelBuilder, path: Path): void {
  const gameType = numberFrom(builder.get(path));
  if (gameType === undefined) return;
  const proof = gameTypeProofSystem(gameType);
  builder.model.proofSystem = { ...proof, at: builder.origin(path), ...(proof.kind === 'permissionless-fraud' ? {} : { permissionlessValue: 0 }) };
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

/** Where a file writes its alt-DA settings: the deploy-config and intent names (usePlasma, useAltDA), or the registry's `[alt_da]`. */
export interface AltDaFields {
  /** The flag that turns alt-DA on, for the dependency's origin. */
  on: Path;
  commitment: Path;
  challengeWindow: Path;
  resolveWindow: Path;
}

/**
 * Alt-DA (formerly plasma mode): batches go to a DA server and only commitments to L1. With keccak
 * commitments anyone may challenge a commitment on L1 within the challenge window and the batcher must
 * publish the data within the resolve window, both in L1 blocks; generic commitments have no L1 challenge
 * at all (op-alt-da damgr.go). The windows become challenge-period delays and parameters.
 */
export function altDaDependency(builder: ModelBuilder, fields: AltDaFields, l1BlockSeconds?: number): void {
  const blockSeconds = l1BlockSeconds ?? THRESHOLDS.ethereumBlockTime.value;
  const commitmentValue = builder.get(fields.commitment);
  const commitment = typeof commitmentValue === 'string' && commitmentValue.trim() !== '' ? commitmentValue.trim() : undefined;
  const generic = commitment !== undefined && /^generic/i.test(commitment);
  const challenge = generic ? undefined : builder.number(fields.challengeWindow, 'The DA challenge window');
  const resolve = generic ? undefined : builder.number(fields.resolveWindow, 'The DA resolve window');
  const blocks = (n: number) => `${n} L1 block${n === 1 ? '' : 's'}, ${formatDuration(n * blockSeconds)}`;
  const mode = commitment ? `alt-DA with ${commitment}` : 'alt-DA';
  const challengeText = generic ? ', which no one can challenge on L1' : challenge !== undefined ? `; a withheld batch can be challenged on L1 for ${blocks(challenge)}` : '';
  builder.model.dependencies.push({
    kind: 'data-availability',
    name: `an alternative data-availability layer (${mode}${challengeText})`,
    layer: 'data-availability',
    operators: [],
    shared: true,
    at: builder.origin(fields.on),
  });
  if (challenge !== undefined) {
    builder.delay(fields.challengeWindow, { kind: 'challenge-period', title: 'alt-DA challenge window', unit: 'blocks', blockSeconds }, challenge * blockSeconds);
    builder.parameter(fields.challengeWindow, { id: 'daChallengeWindow', title: 'Alt-DA challenge window', governs: 'how many L1 blocks anyone has to challenge a data commitment, i.e. to force its data onto L1', unit: 'blocks', blockSeconds });
  }
  if (resolve !== undefined) {
    builder.delay(fields.resolveWindow, { kind: 'challenge-period', title: 'alt-DA resolve window', unit: 'blocks', blockSeconds }, resolve * blockSeconds);
    builder.parameter(fields.resolveWindow, { id: 'daResolveWindow', title: 'Alt-DA resolve window', governs: 'how many L1 blocks the batcher has to publish challenged data before the commitment is dropped', unit: 'blocks', blockSeconds });
  }
}
