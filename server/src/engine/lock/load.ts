import type { ConfigProblem } from '../config/resolved';
import { parseDocument } from '../parse';
import { LockFileSchema, type LockFile } from './schema';

/**
 * Parses and validates the text of a `chokepoint.lock.json`. Never throws: a broken lock gives
 * problems with spans, reported like a broken .chokepoint.yaml (a usage error in the CLI).
 */
export function parseLockText(file: string, text: string): { lock?: LockFile; problems: ConfigProblem[] } {
  const doc = parseDocument(file, text, 'json');
  if (doc.problems.length > 0) {
    return { problems: doc.problems.map((p) => ({ file, message: `Invalid chokepoint.lock.json: ${p.message.replace(/\.$/, '')}. Run \`chokepoint verify\` to write it again.`, span: p.span })) };
  }
  const parsed = LockFileSchema.safeParse(doc.value);
  if (parsed.success) return { lock: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      let at = doc.locate(path);
      for (let cut = path.length - 1; !at && cut >= 0; cut--) at = doc.locate(path.slice(0, cut));
      const where = path.length > 0 ? ` at ${path.join('.')}` : '';
      return { file, message: `Invalid chokepoint.lock.json${where}: ${issue.message.replace(/\.$/, '')}. Run \`chokepoint verify\` to write it again.`, span: at?.key ?? at?.value ?? { start: 0, end: 0 } };
    }),
  };
}
