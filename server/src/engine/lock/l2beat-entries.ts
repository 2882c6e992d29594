/** The entries of an L2BEAT `discovered.json`, read the same way whatever the generation of its format. */

export interface DiscoveryEntry {
  name?: string;
  address: string;
  eoa: boolean;
  template?: string;
  proxyType?: string;
  values: Record<string, unknown>;
}

const ADDRESS = /^(?:([a-z][a-z0-9-]*):)?(0x[0-9a-fA-F]{40})$/;

/** `eth:0xAbC…` or `0xAbC…` → the chain prefix (if any) and the lower-case address; undefined for anything else. */
export function discoveryAddress(value: unknown): { prefix?: string; hex: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ADDRESS.exec(value);
  return match ? { prefix: match[1], hex: match[2].toLowerCase() } : undefined;
}

/** Every address the snapshot describes, in one list whatever the generation of the format. */
export function entriesOf(value: Record<string, unknown>): DiscoveryEntry[] | undefined {
  const read = (raw: unknown, eoa: boolean): DiscoveryEntry | undefined => {
    if (!isRecord(raw) || typeof raw.address !== 'string') return undefined;
    return {
      name: typeof raw.name === 'string' ? raw.name : undefined,
      address: raw.address,
      eoa: eoa || raw.type === 'EOA',
      template: typeof raw.template === 'string' ? raw.template : undefined,
      proxyType: typeof raw.proxyType === 'string' ? raw.proxyType : undefined,
      values: isRecord(raw.values) ? raw.values : {},
    };
  };
  if (Array.isArray(value.entries)) return value.entries.map((e) => read(e, false)).filter((e) => e !== undefined);
  if (!Array.isArray(value.contracts)) return undefined;
  const eoas = Array.isArray(value.eoas) ? value.eoas : [];
  return [...value.contracts.map((e) => read(e, false)), ...eoas.map((e) => read(e, true))].filter((e) => e !== undefined);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
