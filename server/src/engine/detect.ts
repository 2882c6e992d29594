import { ADAPTERS, type Adapter } from './adapters';

/** Picks the adapter for a file from its content, never its name. Undefined when nothing fits. */
export function detectAdapter(value: unknown): Adapter | undefined {
  let best: Adapter | undefined;
  let bestScore = 0;
  for (const adapter of ADAPTERS) {
    const score = adapter.detect(value);
    if (score > bestScore) {
      best = adapter;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}
