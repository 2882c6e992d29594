import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyHoverAt, suggestionsAt } from '../server/src/engine/schema-assist/assist';
import { CONFIG_FORMAT, MANIFEST_FORMAT, schemaFormatOf, type SchemaFormat } from '../server/src/engine/schema-assist/formats';
import { keysAt, valuesAt, type JsonSchema, type PathStep } from '../server/src/engine/schema-assist/json-schema';
import { MAX_YAML_DEPTH, yamlNestedTooDeep } from '../server/src/engine/parse/yaml';

const generated = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'schemas', name), 'utf8')) as JsonSchema;

/** Every path the schema describes, an index standing for any list item. */
function paths(schema: JsonSchema, prefix: PathStep[] = [], out: PathStep[][] = []): PathStep[][] {
  out.push(prefix);
  for (const alternative of schema.anyOf ?? [schema]) {
    for (const [name, child] of Object.entries(alternative.properties ?? {})) paths(child, [...prefix, name], out);
    if (alternative.items) paths(alternative.items, [...prefix, 0], out);
    if (typeof alternative.additionalProperties === 'object') paths(alternative.additionalProperties, [...prefix, 'any-key'], out);
  }
  return out;
}

describe('schema assist', () => {
  it.each([
    ['appchain.schema.json', MANIFEST_FORMAT],
    ['chokepoint-config.schema.json', CONFIG_FORMAT],
  ] as [string, SchemaFormat][])('completes from the same keys and values as the contributed %s', (file, format) => {
    const contributed = generated(file);
    const all = paths(contributed);
    expect(all.length).toBeGreaterThan(30);
    for (const path of all) {
      expect(keysAt(format.schema(), path).map((k) => [k.name, k.required, k.schema.description]), path.join('.')).toEqual(keysAt(contributed, path).map((k) => [k.name, k.required, k.schema.description]));
      expect(valuesAt(format.schema(), path).map((v) => v.value), path.join('.')).toEqual(valuesAt(contributed, path).map((v) => v.value));
    }
  });

  it('tells the formats by name, and a manifest by its content', () => {
    expect(schemaFormatOf('/repo/.chokepoint.yml', 'yaml', '')).toBe(CONFIG_FORMAT);
    expect(schemaFormatOf('C:\\repo\\.chokepoint.yaml', 'yaml', '')).toBe(CONFIG_FORMAT);
    expect(schemaFormatOf('/repo/lumen.appchain.yml', 'yaml', '')).toBe(MANIFEST_FORMAT);
    expect(schemaFormatOf('untitled:Untitled-1', 'yaml', '# notes\nappchain:\n  name: x\n')).toBe(MANIFEST_FORMAT);
    expect(schemaFormatOf('/repo/values.yaml', 'yaml', 'chart:\n  appchain: x\n')).toBeUndefined();
    expect(schemaFormatOf('/repo/notappchain.yaml', 'yaml', '')).toBeUndefined();
    expect(schemaFormatOf('/repo/appchain.json', 'json', '{"appchain": {}}')).toBeUndefined();
  });

  it('answers nothing, without throwing, where the YAML cannot place the cursor or nests too deep to parse', () => {
    const deep = '['.repeat(MAX_YAML_DEPTH + 10);
    expect(yamlNestedTooDeep(deep)).toBe(true);
    expect(suggestionsAt(CONFIG_FORMAT, deep, deep.length)).toEqual([]);
    expect(keyHoverAt(CONFIG_FORMAT, deep, 3)).toBeUndefined();
    const broken = 'appchain:\n  name: "unterminated\n  ';
    expect(() => suggestionsAt(MANIFEST_FORMAT, broken, broken.length)).not.toThrow();
    const comment = 'appchain: # the chain\n';
    expect(suggestionsAt(MANIFEST_FORMAT, comment, comment.indexOf('chain\n'))).toEqual([]);
  });
});
