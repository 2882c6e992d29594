import { parseDocument } from '../parse';
import { nearestRuleId, ruleMeta } from '../rules/index';
import { type ConfigProblem, emptyConfig, fromConfigFile, type ResolvedConfig } from './resolved';
import { ConfigFileSchema } from './schema';

/** Parses and validates the text of a .chokepoint.yaml. Never throws: problems carry spans. */
export function parseConfigText(file: string, baseDir: string, text: string): ResolvedConfig {
  const doc = parseDocument(file, text, 'yaml');
  const problems: ConfigProblem[] = doc.problems.map((p) => ({ file, message: `Invalid .chokepoint.yaml: ${p.message}`, span: p.span }));
  const locate = (path: (string | number)[]) => doc.locate(path)?.value;
  if (problems.length > 0) return { ...emptyConfig(baseDir), file, problems, locate };
  // The schema's records would drop such a key silently (an entity named __proto__ would vanish); say so instead.
  for (const path of protoKeys(doc.value)) {
    problems.push({ file, message: `Invalid .chokepoint.yaml at ${path.join('.')}: "__proto__" cannot be used as a name.`, span: doc.locate(path)?.key ?? { start: 0, end: 0 } });
  }
  const parsed = ConfigFileSchema.safeParse(doc.value ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      let at = doc.locate(path);
      for (let cut = path.length - 1; !at && cut >= 0; cut--) at = doc.locate(path.slice(0, cut));
      const where = path.length > 0 ? ` at ${path.join('.')}` : '';
      problems.push({ file, message: `Invalid .chokepoint.yaml${where}: ${issue.message}`, span: at?.key ?? at?.value ?? { start: 0, end: 0 } });
    }
    return { ...emptyConfig(baseDir), file, problems, locate };
  }
  const config = { ...fromConfigFile(file, baseDir, parsed.data), locate };
  const unknown = (id: string, span: { start: number; end: number } | undefined) => {
    if (ruleMeta(id)) return;
    const near = nearestRuleId(id);
    problems.push({ file, message: `Invalid .chokepoint.yaml: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; \`chokepoint rules\` lists the rule ids.`, span: span ?? { start: 0, end: 0 } });
  };
  for (const id of Object.keys(parsed.data.rules ?? {})) unknown(id, doc.locate(['rules', id])?.key);
  (parsed.data.suppressions ?? []).forEach((s, i) => unknown(s.rule, doc.locate(['suppressions', i, 'rule'])?.value));
  return problems.length > 0 ? { ...config, problems } : config;
}

/** Paths of the keys written `__proto__` (own properties: the parser keeps them as data). */
function protoKeys(root: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const pending: [unknown, (string | number)[]][] = [[root, []]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [value, path] = item;
    if (Array.isArray(value)) value.forEach((child, i) => pending.push([child, [...path, i]]));
    else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (key === '__proto__') found.push([...path, key]);
        pending.push([(value as Record<string, unknown>)[key], [...path, key]]);
      }
    }
  }
  return found;
}
