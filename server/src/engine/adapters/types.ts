import type { AdapterProblem } from '../model/builder';
import type { AuthorityModel } from '../model/schema';
import type { ParsedDocument } from '../parse';

export interface AdapterResult {
  model: AuthorityModel;
  problems: AdapterProblem[];
}

/** Maps one framework's file onto the authority model. */
export interface Adapter {
  /** Stable id of the file kind, e.g. `op-deploy-config`. */
  id: string;
  /** The framework, for people: "OP Stack". */
  framework: string;
  /**
   * How the framework's own tooling reads a key written twice in one object, completing "…:
   * <this>". Omitted for formats that reject repeated keys outright (YAML, TOML).
   */
  duplicateKeys?: string;
  /** The file kind, for people: "OP Stack deploy config". */
  title: string;
  /**
   * What a file of this kind is: the input of a deployment still to run (`plan`: a changed value
   * changes what will be deployed) or a description of a chain that exists (`deployment`: a changed
   * value makes the file false while the chain stays as it is), which gets no value-changing fix.
   */
  describes: 'plan' | 'deployment';
  /**
   * A cheap test of the raw text, so folder scans skip files that cannot be this kind without
   * parsing them. Must never reject a file that `detect` would accept.
   */
  sniff: RegExp;
  /** How sure the adapter is that this content is its kind of file: 0 (not at all) to 1. */
  detect(value: unknown): number;
  build(doc: ParsedDocument): AdapterResult;
}
