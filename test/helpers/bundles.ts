/**
 * What loads what among the ES modules of a build (scripts/build.mjs splits the Node side into
 * entries and the chunks they share): the relative imports of each file, static and dynamic, and
 * the packages any file asks for by name.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** The files a module imports statically (`import … from "./x.mjs"`, `import "./x.mjs"`): loaded with it. */
export function staticImports(text: string): string[] {
  return [...text.matchAll(/\bfrom\s*["']\.\/([^"']+)["']|\bimport\s*["']\.\/([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
}

/** The files a module imports on demand (`import("./x.mjs")`). */
export function dynamicImports(text: string): string[] {
  return [...text.matchAll(/\bimport\(\s*["']\.\/([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

/** Every module named by a bare specifier (`from "x"`, `import("x")`, `require("x")`, and esbuild's `__require("x")` in the CommonJS libraries it bundles). */
export function bareSpecifiers(text: string): string[] {
  return [...text.matchAll(/\bfrom\s*["']([\w@][\w@/:.-]*)["']|\b(?:import|require|__require)\(\s*["']([\w@][\w@/:.-]*)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** The files of `dir` that loading `entry` loads, with `entry`; with `onDemand`, also what they import on demand, transitively. */
export function loadedWith(dir: string, entry: string, onDemand = false): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    pending.push(...staticImports(text), ...(onDemand ? dynamicImports(text) : []));
  }
  return seen;
}

/** The text of every file `entry` loads, joined. */
export function loadedText(dir: string, entry: string, onDemand = false): string {
  return [...loadedWith(dir, entry, onDemand)].map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
}
