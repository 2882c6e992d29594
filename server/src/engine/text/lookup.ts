/**
 * A table looked up with text a config supplies. A plain object literal would also answer for
 * `constructor`, `toString` or `__proto__` (its prototype's members), turning `# chokepoint:
 * constructor` into a declaration and `delay: "1 constructor"` into NaN seconds. This table has no
 * prototype, so only its own entries answer.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
