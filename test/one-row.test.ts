import { describe, expect, it } from 'vitest';
import { firstClause, fitRow, withField, withoutAsides, type Row } from '../server/src/engine/rules/one-row';

const at = (path: (string | number)[]) => ({ file: '/virtual/deploy-config.json', path });
const of = (length: number, tag: string): Row => [`${tag}${'x'.repeat(length - tag.length)}`, tag];

describe('fitting a message to one Problems row', () => {
  it('takes the first candidate that fits 120 characters, else the first within 140, else the shortest', () => {
    expect(fitRow([of(150, 'a'), of(118, 'b'), of(90, 'c')]).detail).toBe('b');
    expect(fitRow([of(150, 'a'), of(135, 'b'), of(130, 'c')]).detail).toBe('b');
    expect(fitRow([of(160, 'a'), of(150, 'b')]).detail).toBe('b');
  });

  it('uses a last resort only when no other candidate is within 140 characters', () => {
    expect(fitRow([of(135, 'a')], [of(100, 'b')]).detail).toBe('a');
    expect(fitRow([of(145, 'a')], [of(100, 'b')]).detail).toBe('b');
  });

  it('cuts a text at its first clause outside parentheses, and drops its asides', () => {
    const title = 'permissioned fault proofs (respectedGameType 1, PERMISSIONED_CANNON), as the chain\'s contracts reported';
    expect(firstClause(title)).toBe('permissioned fault proofs (respectedGameType 1, PERMISSIONED_CANNON)');
    expect(withoutAsides(firstClause(title))).toBe('permissioned fault proofs');
    expect(withoutAsides('Unsafe block signer (sequencer), the Batcher')).toBe('Unsafe block signer, the Batcher');
  });

  it('names the field a finding sits on unless the text already does, in any spelling', () => {
    expect(withField('VerifierRollupHelperMock', at(['realVerifier']))).toBe('VerifierRollupHelperMock (realVerifier)');
    expect(withField('forced batches', at(['forceBatchAllowed']), 'comma')).toBe('forced batches, forceBatchAllowed');
    expect(withField('forced-inclusion delay', at(['chain', 'forcedInclusionDelay']))).toBe('forced-inclusion delay');
    expect(withField('Aura authority', at(['genesis', 'raw', 'top', '0x57f8dc2f5ab09467896f47300f0424385e0621c4869aa60c02be9adcc98a0d1d']))).toBe('Aura authority');
  });
});
