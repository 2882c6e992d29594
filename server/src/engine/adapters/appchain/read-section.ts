import type { z } from 'zod';
import type { ModelBuilder } from '../../model/builder';
import type { Path } from '../../parse';

/** Validates one part of the file; reports what is wrong with its path and returns undefined instead of failing the whole file. */
export function readPart<T extends z.ZodTypeAny>(builder: ModelBuilder, schema: T, path: Path): z.infer<T> | undefined {
  const value = builder.get(path);
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const sub = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = [...path, ...sub].join('.');
    builder.problem([...path, ...sub], `${where}: ${issue.message}.`);
  }
  return undefined;
}

/** Reads a field that holds one item or a list of items, validating each on its own. */
export function readItems<T extends z.ZodTypeAny>(builder: ModelBuilder, schema: T, path: Path): { item: z.infer<T>; path: Path }[] {
  const value = builder.get(path);
  if (value === undefined || value === null) return [];
  const paths: Path[] = Array.isArray(value) ? value.map((_, i) => [...path, i]) : [path];
  const items: { item: z.infer<T>; path: Path }[] = [];
  for (const itemPath of paths) {
    const item = readPart(builder, schema, itemPath);
    if (item !== undefined) items.push({ item, path: itemPath });
  }
  return items;
}
