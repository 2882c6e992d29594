import { isMap, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { EntityConfig, SuppressionConfig } from './schema';
import { addToMap, addToSeq, addTopLevel, applyInsertion, fillEmpty, isNullNode, isRefusal, pairOf, readYamlFile, verified, type Insertion, type Refusal, type YamlFile } from './yaml-insert';

export { applyInsertion, isRefusal, type Insertion, type Refusal } from './yaml-insert';

const NAME = '.chokepoint.yaml';

type NewEntity = Partial<EntityConfig> & { addresses: string[] };

/**
 * The reason in double quotes, whatever it holds: the action selects it for the user to type over,
 * and typed text (a comma in a flow sequence, ": " or " #" in a block) must stay the reason.
 */
function doubleQuoted(text: string): Scalar<string> {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * Adds entries to a .chokepoint.yaml in place: the new entry is inserted as text where it belongs,
 * in the style of its neighbours (block or flow, their indentation, the file's line ending), and
 * every other byte (comments, alignment, blank lines, a byte-order mark) stays as written. Where that
 * is impossible (the file does not parse, holds several documents, or gives the key another type),
 * the answer is a refusal that says why; every edit is checked to read as the old data plus the entry.
 */
export function suppressionInsertion(text: string, suppression: SuppressionConfig): Insertion | Refusal {
  const file = readYamlFile(text, NAME);
  if (isRefusal(file)) return file;
  const old = file.value.suppressions;
  const expected = { ...file.value, suppressions: [...(Array.isArray(old) ? old : []), suppression] };
  const written = { ...suppression, reason: doubleQuoted(suppression.reason) };
  const pair = pairOf(file.root, 'suppressions');
  if (!pair) return verified(file, addTopLevel(file, 'suppressions', [written]), expected, NAME);
  if (isSeq(pair.value)) return verified(file, addToSeq(file, pair.value, [written]), expected, NAME);
  if (isNullNode(pair.value)) return verified(file, fillEmpty(file, pair, [written]), expected, NAME);
  return { reason: `suppressions in ${NAME} is not a list; fix it first` };
}

/** The file and its `entities` entry (absent, empty or a mapping), or why no entity can be added to it in place. */
function entitiesIn(text: string): { file: YamlFile; pair?: Pair<Node, Node | null> } | Refusal {
  const file = readYamlFile(text, NAME);
  if (isRefusal(file)) return file;
  const pair = pairOf(file.root, 'entities');
  if (pair && !isMap(pair.value) && !isNullNode(pair.value)) return { reason: `entities in ${NAME} is not a mapping of entities; fix it first` };
  return { file, pair };
}

/** Why no entity can be added to this .chokepoint.yaml in place, or nothing when one can. */
export function entitiesRefusal(text: string): Refusal | undefined {
  const found = entitiesIn(text);
  return isRefusal(found) ? found : undefined;
}

export function entityInsertion(text: string, id: string, entity: NewEntity): Insertion | Refusal {
  const found = entitiesIn(text);
  if (isRefusal(found)) return found;
  const { file, pair } = found;
  const entities = pair?.value;
  const old = (file.value.entities ?? {}) as Record<string, unknown>;
  const current = old[id] as { addresses?: unknown } | null | undefined;
  if (current !== undefined && current !== null && (typeof current !== 'object' || Array.isArray(current))) return { reason: `the entity ${id} in ${NAME} is not a mapping; fix it first` };
  const known: unknown[] = Array.isArray(current?.addresses) ? current.addresses : [];
  const missing = entity.addresses.filter((a) => !known.map(String).includes(a));
  if (current && missing.length === 0) return { offset: text.length, text: '' };
  const merged = current ? { ...current, addresses: [...known, ...missing] } : entity;
  const expected = { ...file.value, entities: { ...old, [id]: merged } };
  if (!pair) return verified(file, addTopLevel(file, 'entities', { [id]: entity }), expected, NAME);
  if (!isMap(entities)) return verified(file, fillEmpty(file, pair, { [id]: entity }), expected, NAME);
  const edit = intoEntity(file, entities, id, entity, missing);
  return isRefusal(edit) ? edit : verified(file, edit, expected, NAME);
}

/** The entity added to `entities`, or its missing addresses added to the entity of that id. */
function intoEntity(file: YamlFile, entities: YAMLMap, id: string, entity: NewEntity, missing: string[]): Insertion | Refusal {
  const pair = pairOf(entities, id);
  if (!pair) return addToMap(file, entities, id, entity);
  if (isNullNode(pair.value)) return fillEmpty(file, pair, entity);
  if (!isMap(pair.value)) return { reason: `the entity ${id} in ${NAME} is not a mapping; fix it first` };
  const addresses = pairOf(pair.value, 'addresses');
  if (!addresses) return addToMap(file, pair.value, 'addresses', missing);
  if (isSeq(addresses.value)) return addToSeq(file, addresses.value, missing);
  if (isNullNode(addresses.value)) return fillEmpty(file, addresses, missing);
  return { reason: `the addresses of ${id} in ${NAME} are not a list; fix them first` };
}

export function addSuppression(text: string, suppression: SuppressionConfig): string {
  return applyInsertion(text, suppressionInsertion(text, suppression));
}

export function addEntity(text: string, id: string, entity: NewEntity): string {
  return applyInsertion(text, entityInsertion(text, id, entity));
}
