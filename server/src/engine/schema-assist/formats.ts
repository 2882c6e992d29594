import { z } from 'zod';
import { ManifestSchema } from '../adapters/appchain/schema';
import { CONFIG_NAMES } from '../config/discover';
import { ConfigFileSchema } from '../config/schema';
import type { JsonSchema, PathStep } from './json-schema';

/** A YAML format of our own, described by its zod schema. */
export interface SchemaFormat {
  title: string;
  schema(): JsonSchema;
  /** Paths of mappings keyed by rule id, and of values that name a rule; `*` stands for any step. */
  ruleKeys: PathStep[][];
  ruleValues: PathStep[][];
}

/** The JSON Schema the generated schemas/*.json hold, derived once, when first asked for. */
function derived(schema: z.ZodType): () => JsonSchema {
  let json: JsonSchema | undefined;
  return () => (json ??= z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema);
}

export const MANIFEST_FORMAT: SchemaFormat = { title: 'AI-appchain manifest', schema: derived(ManifestSchema), ruleKeys: [], ruleValues: [] };
export const CONFIG_FORMAT: SchemaFormat = { title: 'Chokepoint configuration', schema: derived(ConfigFileSchema), ruleKeys: [['rules']], ruleValues: [['suppressions', '*', 'rule']] };

const MANIFEST_NAME = /^(?:.+\.)?appchain\.ya?ml$/;

/**
 * The format of a YAML document, for completion and key hovers. A new file has no content to tell
 * by, so names decide here: `.chokepoint.yaml`, `appchain.yaml` and `*.appchain.yaml` (the names
 * the extension's JSON Schemas are contributed for); any other YAML document whose top level has
 * an `appchain:` key is a manifest too, as the linter would read it.
 */
export function schemaFormatOf(path: string, languageId: string, text: string): SchemaFormat | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (CONFIG_NAMES.includes(name)) return CONFIG_FORMAT;
  if (MANIFEST_NAME.test(name)) return MANIFEST_FORMAT;
  if (languageId === 'yaml' && /^appchain[ \t]*:/m.test(text)) return MANIFEST_FORMAT;
  return undefined;
}

export function pathMatches(patterns: PathStep[][], path: readonly PathStep[]): boolean {
  return patterns.some((pattern) => pattern.length === path.length && pattern.every((step, i) => step === '*' || step === path[i]));
}
