/**
 * The part of JSON Schema that zod's `toJSONSchema` writes for our formats (no `$ref`: zod inlines
 * schemas that are not registered), walked along a document path to say which keys and values are
 * valid there and what they mean.
 */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
}

export type PathStep = string | number;

export interface KeyInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** A schema and the alternatives of its unions, flattened. */
export function alternatives(schema: JsonSchema): JsonSchema[] {
  const union = schema.anyOf ?? schema.oneOf;
  return union ? union.flatMap(alternatives) : [schema];
}

/** The schemas that may describe the value at `path`: one per union alternative that admits it. */
export function schemasAt(root: JsonSchema, path: readonly PathStep[]): JsonSchema[] {
  let current = [root];
  for (const step of path) {
    current = current.flatMap(alternatives).flatMap((schema) => {
      if (typeof step === 'number') return schema.items ? [schema.items] : [];
      const property = schema.properties?.[step];
      if (property) return [property];
      return typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : [];
    });
  }
  return current;
}

/** The named keys an object at `path` may hold, in the schema's order, the first alternative's definition of each. */
export function keysAt(root: JsonSchema, path: readonly PathStep[]): KeyInfo[] {
  const keys = new Map<string, KeyInfo>();
  for (const schema of schemasAt(root, path).flatMap(alternatives)) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!keys.has(name)) keys.set(name, { name, schema: property, required: schema.required?.includes(name) ?? false });
    }
  }
  return [...keys.values()];
}

/** The scalar values the schema lists for `path`: enum members, constants, and true and false for a boolean. */
export function valuesAt(root: JsonSchema, path: readonly PathStep[]): { value: string | number | boolean; schema: JsonSchema }[] {
  const values = new Map<string, { value: string | number | boolean; schema: JsonSchema }>();
  const add = (value: unknown, schema: JsonSchema) => {
    if ((typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && !values.has(String(value))) values.set(String(value), { value, schema });
  };
  for (const schema of schemasAt(root, path).flatMap(alternatives)) {
    for (const value of schema.enum ?? []) add(value, schema);
    if ('const' in schema) add(schema.const, schema);
    if (schema.type === 'boolean') [true, false].forEach((value) => add(value, schema));
  }
  return [...values.values()];
}

/** The description of a schema, or of the first alternative that has one (zod puts a union member's own description there). */
export function descriptionOf(schema: JsonSchema): string | undefined {
  return schema.description ?? alternatives(schema).find((s) => s.description)?.description;
}

/** A short type: "mainnet | testnet | devnet", "list of string", "number or string". */
export function typeText(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if ('const' in schema) return String(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(typeText))].join(' or ');
  if (schema.type === 'array') return `list of ${schema.items ? typeText(schema.items) : 'values'}`;
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') return `map of ${typeText(schema.additionalProperties)}`;
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  return schema.type ?? 'any';
}

/** Whether the value is written on lines of its own (a mapping or a list) rather than after the key. */
export function isContainer(schema: JsonSchema): boolean {
  const kinds = alternatives(schema).map((s) => s.type);
  return kinds.length > 0 && kinds.every((type) => type === 'object' || type === 'array');
}
