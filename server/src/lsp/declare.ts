import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { addressesOnLine } from '../engine/annotations/directives';
import { entityInsertion, isRefusal, type Refusal } from '../engine/config/edit';
import { commentMarker, declarationComment } from '../engine/directive-edits';
import { ENTITY_KINDS, type EntityKind } from '../engine/entities/types';
import { parseAddress } from '../engine/model/address';
import { parseDuration } from '../engine/model/duration';
import { configPathFor, configText, insertInFile } from './config-file';
import type { LintEntry } from './linting';

/** What the user said an address is, from the "Declare this address…" prompts. */
export interface DeclarationInput {
  address: string;
  /** Zero-based line of the address. */
  line: number;
  kind: EntityKind;
  threshold?: number;
  signers?: number;
  /** A duration such as "7d". */
  delay?: string;
  entity?: string;
}

/** An entity name the user gives: one word, so it cannot end the comment or carry markup. */
const ENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function validDeclaration(input: unknown): input is DeclarationInput {
  const value = input as DeclarationInput;
  return (
    typeof value?.address === 'string' &&
    typeof value.line === 'number' &&
    (ENTITY_KINDS as readonly string[]).includes(value.kind) &&
    (value.entity === undefined || value.entity === '' || (typeof value.entity === 'string' && ENTITY_NAME.test(value.entity)))
  );
}

function declarationText(input: DeclarationInput): string {
  const words: string[] = [input.kind];
  if (input.kind === 'multisig' && input.threshold && input.signers) words.push(`${input.threshold}-of-${input.signers}`);
  if (input.delay) words.push(`timelock ${input.delay}`);
  if (input.entity) words.push(`entity ${input.entity}`);
  return words.join(' ');
}

/**
 * Whether a declaration of `address` is written as a comment above `line`: where the format has
 * comments and that line writes this address and no other (a declaration speaks for every address
 * on its line, so on a line of several it would be ambiguous). Otherwise it goes to .chokepoint.yaml.
 */
export function declaresInComment(entry: LintEntry, address: string, line: number): boolean {
  const key = parseAddress(address)?.key;
  const written = addressesOnLine(entry.doc, line);
  return commentMarker(entry.doc) !== undefined && key !== undefined && written.size === 1 && written.has(key);
}

/** A comment above the address where it can stand alone; an entity in .chokepoint.yaml otherwise, or why that cannot be added in place. */
export function declarationEdit(uri: string, entry: LintEntry, input: DeclarationInput, workspaceRoot?: string, openText?: (path: string) => string | undefined): WorkspaceEdit | Refusal {
  const comment = declaresInComment(entry, input.address, input.line) ? declarationComment(entry.doc, input.line, declarationText(input)) : undefined;
  if (comment) {
    const position = { line: comment.line, character: comment.character };
    return { changes: { [uri]: [{ range: { start: position, end: position }, newText: comment.text }] } };
  }
  const configPath = configPathFor(entry, workspaceRoot);
  const before = configText(configPath, openText);
  const id = input.entity || `holder-${input.address.slice(2, 8).toLowerCase()}`;
  const delaySeconds = input.delay ? parseDuration(input.delay) : undefined;
  const insertion = entityInsertion(before, id, {
    kind: input.kind,
    ...(input.kind === 'multisig' && input.threshold && input.signers ? { threshold: input.threshold, signers: input.signers } : {}),
    ...(delaySeconds !== undefined ? { delay: input.delay } : {}),
    addresses: [input.address],
  });
  return isRefusal(insertion) ? insertion : insertInFile(configPath, before, insertion);
}
