/** Sets a property without invoking setters, so a `__proto__` key in a config stays plain data. */
export function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
