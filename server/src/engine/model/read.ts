import type { Path } from '../parse';

const has = Object.prototype.hasOwnProperty;

/** Reads the value at a path, following only own properties, so `constructor` or `__proto__` keys read as data. */
export function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (typeof step !== 'number') return undefined;
      current = current[step];
    } else {
      if (!has.call(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step as string];
    }
  }
  return current;
}

/**
 * \`root\` with the value at \`path\` replaced, copying only the containers along the path (the rest
 * is shared). A step that does not lead into a container leaves \`root\` as it is.
 */
export function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(root) && typeof step === 'number') {
    const copy = root.slice();
    copy[step] = withValueAt(root[step], rest, value);
    return copy;
  }
  // A computed key defines an own property, so a "__proto__" key stays plain data.
  if (root !== null && typeof root === 'object' && !Array.isArray(root)) return { ...root, [step]: withValueAt((root as Record<string, unknown>)[step as string], rest, value) };
  return root;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own keys of an object, or none. */
export function keysOf(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value) : [];
}

/** A chain id written as a number or text; a list or an object is none (and String() of a deeply nested list would overflow the stack). */
export function chainIdFrom(value: unknown): string | undefined {
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string' ? String(value) : undefined;
}

/** An EIP-155 chain id as a decimal string, from a number, a decimal or a 0x hex string; undefined for anything else. */
export function evmChainId(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value === 'bigint') return value >= 0n ? value.toString() : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^0x[0-9a-f]{1,64}$/i.test(text)) return BigInt(text).toString();
  return /^\d{1,78}$/.test(text) ? BigInt(text).toString() : undefined;
}

/** Reads a number written as a number, a decimal string or a 0x hex string. */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/_/g, '');
  if (/^0x[0-9a-f]+$/i.test(text)) return Number(BigInt(text));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}
