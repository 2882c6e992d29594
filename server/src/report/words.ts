import type { Network } from '../engine/model/schema';
import type { ControlKind, Sentiment } from './types';

/** The words the HTML page and the Markdown comment share. */

export function sentimentWord(sentiment: Sentiment): string {
  return sentiment === 'na' ? 'n/a' : sentiment;
}

const CONTROL_WORDS: Record<ControlKind, string> = {
  chain: 'The chain',
  'named-party': 'Named party',
  'third-party': 'Third party',
  'single-key': 'Single key',
  unknown: 'Unknown',
  'not-configured': 'Not configured',
};

export function controlWord(control: ControlKind): string {
  return CONTROL_WORDS[control];
}

/** "mainnet"; a network nothing names is treated as production, and says so. */
export function networkWord(network: Network): string {
  return network === 'unknown' ? 'network not stated (treated as production)' : network;
}
