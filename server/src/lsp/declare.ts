import { dirname, join } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { entityInsertion } from '../engine/config/edit';
import { declarationComment } from '../engine/directive-edits';
import { ENTITY_KINDS, type EntityKind } from '../engine/entities/types';
import { parseDuration } from '../engine/model/duration';
import { configText, insertInFile } from './code-actions';
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

/** A comment above the address where the format has comments; an entity in .chokepoint.yaml otherwise. */
export function declarationEdit(uri: string, entry: LintEntry, input: DeclarationInput, workspaceRoot?: string, openText?: (path: string) => string | undefined): WorkspaceEdit | undefined {
  const comment = declarationComment(entry.doc, input.line, declarationText(input));
  if (comment) {
    const position = { line: comment.line, character: 0 };
    return { changes: { [uri]: [{ range: { start: position, end: position }, newText: comment.text }] } };
  }
  const configPath = entry.config.file ?? join(workspaceRoot ?? dirname(entry.path), '.chokepoint.yaml');
  const before = configText(configPath, openText);
  const id = input.entity || `holder-${input.address.slice(2, 8).toLowerCase()}`;
  const delaySeconds = input.delay ? parseDuration(input.delay) : undefined;
  const insertion = entityInsertion(before, id, {
    kind: input.kind,
    ...(input.kind === 'multisig' && input.threshold && input.signers ? { threshold: input.threshold, signers: input.signers } : {}),
    ...(delaySeconds !== undefined ? { delay: input.delay } : {}),
    addresses: [input.address],
  });
  return insertion ? insertInFile(configPath, before, insertion) : undefined;
}
