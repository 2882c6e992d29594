import { CompletionItemKind, CompletionTriggerKind, MarkupKind, type CompletionItem, type CompletionParams, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { keyHoverAt, suggestionsAt } from '../engine/schema-assist/assist';
import { schemaFormatOf } from '../engine/schema-assist/formats';
import { uriToPath } from './uri';

/** Manifests and configs are short; a YAML file larger than this gets no completion or key hover, which parse it on the main thread. */
const MAX_ASSISTED_LENGTH = 1024 * 1024;

/**
 * Completion and key hovers in `appchain.yaml` and `.chokepoint.yaml`, from the zod schemas that
 * define them, for editors without a YAML language server that reads the contributed JSON Schemas.
 * A space triggers completion only where a value or a list item begins (after `: ` or `- `), so
 * indenting a line opens no list.
 */
export function schemaCompletion(document: TextDocument, params: CompletionParams): CompletionItem[] | null {
  const format = assisted(document);
  if (!format) return null;
  const text = document.getText();
  const offset = document.offsetAt(params.position);
  if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !/[:-] $/.test(text.slice(Math.max(0, offset - 2), offset))) return null;
  return suggestionsAt(format, text, offset).map((suggestion, index) => ({
    label: suggestion.label,
    kind: suggestion.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    detail: suggestion.detail,
    documentation: suggestion.documentation ? { kind: MarkupKind.Markdown, value: suggestion.documentation } : undefined,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: { start: document.positionAt(suggestion.span.start), end: document.positionAt(suggestion.span.end) }, newText: suggestion.insertText },
  }));
}

/** Markdown describing the key under the cursor, or undefined. */
export function schemaKeyHover(document: TextDocument, position: Position): string | undefined {
  const format = assisted(document);
  return format ? keyHoverAt(format, document.getText(), document.offsetAt(position))?.markdown : undefined;
}

function assisted(document: TextDocument) {
  if (document.getText().length > MAX_ASSISTED_LENGTH) return undefined;
  return schemaFormatOf(uriToPath(document.uri), document.languageId, document.getText());
}
