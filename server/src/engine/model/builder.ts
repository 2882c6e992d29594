import type { Path, ParsedDocument } from '../parse';
import { isUnset, parseAddress } from './address';
import { chainIdFrom, valueAt } from './read';
import type { Address, AuthorityModel, Chain, Delay, Grant, Layer, Origin, Parameter, Power } from './schema';

/** Something in the file that does not have the shape its framework requires. */
export interface AdapterProblem {
  message: string;
  at: Origin;
}

export interface RoleSpec {
  role: string;
  title: string;
  powers: Power[];
  layer: Layer;
  critical: boolean;
}

/** Values people leave in templates where an address is still to be chosen. */
const PLACEHOLDER = /^(|<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|todo|tbd|changeme|placeholder)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Helps an adapter fill the authority model from a parsed document, keeping the origin of each element. */
export class ModelBuilder {
  readonly model: AuthorityModel;
  readonly problems: AdapterProblem[] = [];

  constructor(readonly doc: ParsedDocument, chain: Omit<Chain, 'at'>) {
    this.model = {
      chain: { ...chain, at: this.origin([]) },
      grants: [],
      councils: [],
      delays: [],
      distributions: [],
      dependencies: [],
      flags: [],
      parameters: [],
    };
  }

  origin(path: Path): Origin {
    return { file: this.doc.uri, path: [...path] };
  }

  /** An origin that keeps `path` itself: for a fresh array built per entry of a large list, which nothing else changes. */
  originOwning(path: Path): Origin {
    return { file: this.doc.uri, path: path as Origin['path'] };
  }

  get(path: Path): unknown {
    return valueAt(this.doc.value, path);
  }

  problem(path: Path, message: string): void {
    this.problems.push({ message, at: this.origin(path) });
  }

  /**
   * Reads an address field. Missing fields, placeholders and the zero address give undefined
   * (nothing holds the role yet); anything else that is not an address is reported.
   */
  address(path: Path, what: string): Address | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problem(path, `${what} should be an address, but it is ${describeType(value)}.`);
      return undefined;
    }
    if (isPlaceholder(value)) return undefined;
    const address = parseAddress(value);
    if (!address) {
      this.problem(path, `${what} should be an address, but "${value.slice(0, 80)}" is not one.`);
      return undefined;
    }
    return isUnset(address) ? undefined : address;
  }

  /** Records that whoever holds the address at `path` holds a role; a role written with no real holder is recorded as unset. */
  grant(path: Path, spec: RoleSpec): Grant | undefined {
    const holder = this.address(path, spec.title);
    if (!holder) {
      this.unsetRole(path, spec);
      return undefined;
    }
    const grant: Grant = { ...spec, holder, at: this.origin(path) };
    this.model.grants.push(grant);
    return grant;
  }

  private unsetRole(path: Path, spec: RoleSpec): void {
    const value = this.get(path);
    if (typeof value !== 'string') return;
    const address = parseAddress(value);
    const written = value.trim() === '' ? 'empty' : isPlaceholder(value) ? 'placeholder' : address && isUnset(address) ? 'zero' : undefined;
    if (!written) return;
    (this.model.unsetRoles ??= []).push({ ...spec, written, value, at: this.origin(path) });
  }

  /** Reads a number field; reports a wrong type. */
  number(path: Path, what: string): number | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^(0x[0-9a-f]+|\d+(\.\d+)?)$/i.test(value.trim()) ? Number(value.trim()) : undefined;
    if (parsed === undefined || !Number.isFinite(parsed)) {
      this.problem(path, `${what} should be a number, but it is ${describeType(value)}.`);
      return undefined;
    }
    return parsed;
  }

  /** Reports a chain id written as something no chain id can be (a list, an object); the builder's `chainId` is then left unset. */
  checkChainId(path: Path, what: string): void {
    const value = this.get(path);
    if (value !== undefined && chainIdFrom(value) === undefined) this.number(path, what);
  }

  boolean(path: Path, what: string): boolean | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.problem(path, `${what} should be true or false, but it is ${describeType(value)}.`);
      return undefined;
    }
    return value;
  }

  delay(path: Path, spec: Omit<Delay, 'at' | 'seconds'>, seconds: number | null): void {
    this.model.delays.push({ ...spec, seconds, at: this.origin(path) });
  }

  parameter(path: Path, spec: Omit<Parameter, 'at' | 'value'>): void {
    const value = this.get(path);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      this.model.parameters.push({ ...spec, value, at: this.origin(path) });
    }
  }
}

export function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value.slice(0, 40)}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}
