import type { Span } from '../text/positions';
import { ALL_RULE_METAS, docsUrl, ruleMeta } from '../rules/index';
import { pathMatches, type SchemaFormat } from './formats';
import { descriptionOf, isContainer, keysAt, schemasAt, typeText, valuesAt, type JsonSchema, type PathStep } from './json-schema';
import { cursorContext, keyAt } from './yaml-cursor';

/** One completion, in editor-neutral terms: `span` is the text it replaces. */
export interface Suggestion {
  label: string;
  kind: 'key' | 'value';
  insertText: string;
  span: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
}

/** Keys valid at the cursor (those the mapping does not hold yet), or the values the schema lists for the key whose value is being typed. */
export function suggestionsAt(format: SchemaFormat, text: string, offset: number): Suggestion[] {
  const context = cursorContext(text, offset);
  if (!context) return [];
  const root = format.schema();
  const span = context.word;
  const values = (path: PathStep[]): Suggestion[] => [
    ...valuesAt(root, path).map(({ value, schema }) => ({ label: String(value), kind: 'value' as const, insertText: String(value), span, detail: typeText(schema), documentation: descriptionOf(schema) })),
    ...(pathMatches(format.ruleValues, path) ? ALL_RULE_METAS.map((meta) => ({ label: meta.id, kind: 'value' as const, insertText: meta.id, span, detail: meta.title, documentation: ruleDocumentation(meta.id) })) : []),
  ];
  if (context.kind === 'value') return values(context.path);
  const taken = new Set(context.siblings);
  const keyText = (name: string, container: boolean) => (context.keyFollows ? name : container ? `${name}:` : `${name}: `);
  const keys: Suggestion[] = keysAt(root, context.path)
    .filter((key) => !taken.has(key.name))
    .map((key) => ({ label: key.name, kind: 'key', insertText: keyText(key.name, isContainer(key.schema)), span, detail: typeText(key.schema), documentation: keyDocumentation(key.schema, key.required) }));
  if (pathMatches(format.ruleKeys, context.path)) {
    for (const meta of ALL_RULE_METAS) if (!taken.has(meta.id)) keys.push({ label: meta.id, kind: 'key', insertText: keyText(meta.id, false), span, detail: meta.title, documentation: ruleDocumentation(meta.id) });
  }
  // A new list item may be a scalar rather than a mapping.
  return context.listItem && context.siblings.length === 0 ? [...keys, ...values(context.path)] : keys;
}

/** Markdown for the mapping key at `offset`: where it is, what it takes and what it means. */
export function keyHoverAt(format: SchemaFormat, text: string, offset: number): { markdown: string; span: Span } | undefined {
  const key = keyAt(text, offset);
  if (!key) return undefined;
  const parent = key.path.slice(0, -1);
  const name = String(key.path[key.path.length - 1]);
  if (pathMatches(format.ruleKeys, parent) && ruleMeta(name)) return { markdown: `**${ruleMeta(name)!.title}** (\`${name}\`)\n\n${ruleDocumentation(name)}`, span: key.span };
  const schema = schemasAt(format.schema(), key.path)[0];
  const description = schema && descriptionOf(schema);
  if (!schema || !description) return undefined;
  const type = isContainer(schema) && typeText(schema) === 'object' ? '' : ` — ${typeText(schema)}`;
  return { markdown: `**${pathText(key.path)}**${type}\n\n${description}`, span: key.span };
}

function keyDocumentation(schema: JsonSchema, required: boolean): string | undefined {
  const description = descriptionOf(schema);
  return [description, required ? 'Required.' : undefined].filter(Boolean).join(' ') || undefined;
}

function ruleDocumentation(id: string): string {
  const meta = ruleMeta(id)!;
  return `${meta.description}\n\n[Rule documentation](${docsUrl(id)})`;
}

/** `governance.roles[].holder`. */
function pathText(path: PathStep[]): string {
  return path.map((step, i) => (typeof step === 'number' ? '[]' : `${i > 0 ? '.' : ''}${step}`)).join('');
}
