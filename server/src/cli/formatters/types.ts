import type { Finding } from '../../engine/lint';

export interface FileResult {
  /** Absolute path. */
  uri: string;
  /** Path shown to the user and written into reports: relative to the working directory, with forward slashes. */
  path: string;
  kind?: string;
  findings: Finding[];
  suppressed: Finding[];
}

export interface FormatterInput {
  version: string;
  files: FileResult[];
  color: boolean;
  /** How a file other than the report's own (a related place in another file of the chain) is written: like `FileResult.path`. */
  display: (uri: string) => string;
  /** Symlinks the scan did not follow because they lead out of the folders scanned, written like `FileResult.path`. */
  notFollowed?: string[];
}

/** The output as one string, or as pieces written one after another (JSON and SARIF, which can be large). */
export type Formatter = (input: FormatterInput) => string | Iterable<string>;

export function counts(files: FileResult[]): { error: number; warning: number; info: number; suppressed: number; fixable: number } {
  const result = { error: 0, warning: 0, info: 0, suppressed: 0, fixable: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      result[finding.severity]++;
      if (finding.fixes.length > 0) result.fixable++;
    }
    result.suppressed += file.suppressed.length;
  }
  return result;
}

export { plural } from '../../engine/text/counts';
