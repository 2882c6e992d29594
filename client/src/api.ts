import type { StatusShown } from './status';

/** What `activate` returns, for the in-editor tests: what the user is shown, read back. */
export interface ChokepointApi {
  /** The language-status item of the active file; undefined when there is none (a file that is not a configuration). */
  status(): StatusShown | undefined;
  /** The warnings shown about the `chokepoint.*` settings, oldest first. */
  settingsProblems(): readonly string[];
}
