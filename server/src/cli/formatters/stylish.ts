import { visible } from '../../engine/text/display';
import { counts, plural, type Formatter } from './types';

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

/** The human format: one block per file, ESLint-style, with a summary. */
export const stylish: Formatter = ({ files, color }) => {
  const paint = (code: keyof typeof ANSI, text: string) => (color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const file of files) {
    if (file.findings.length === 0) continue;
    out.push('', paint('underline', visible(file.path)) + (file.kind ? paint('gray', `  (${file.kind})`) : ''));
    const rows = file.findings.map((f) => ({
      where: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      message: f.message,
      rule: f.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    for (const row of rows) {
      const tint = row.severity === 'error' ? 'red' : row.severity === 'warning' ? 'yellow' : 'blue';
      out.push(`  ${paint('gray', row.where.padStart(whereWidth))}  ${paint(tint, row.severity.padEnd(7))}  ${row.message}  ${paint('gray', row.rule)}`);
    }
  }
  const total = counts(files);
  const problems = total.error + total.warning + total.info;
  const linted = files.length;
  const having = (ruleId: string) => files.filter((f) => f.findings.some((finding) => finding.ruleId === ruleId)).length;
  const notes = [[having('unrecognized-config'), 'not recognized'], [having('read-error'), 'unreadable']].filter(([n]) => n).map(([n, what]) => `${n} ${what}`);
  if (problems === 0) {
    out.push(`${plural(linted, 'file')} linted: no problems${total.suppressed ? ` (${total.suppressed} suppressed)` : ''}.`);
  } else {
    const summary = `${problems === 1 ? '1 problem' : `${problems} problems`} (${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info) in ${plural(linted, 'file')}${notes.length ? ` (${notes.join(', ')})` : ''}${total.suppressed ? `, ${total.suppressed} suppressed` : ''}`;
    out.push('', paint('bold', paint(total.error > 0 ? 'red' : total.warning > 0 ? 'yellow' : 'blue', `✖ ${summary}`)));
    if (total.fixable > 0) out.push(`  ${plural(total.fixable, 'problem')} can be fixed with a quick fix in the editor.`);
  }
  // GitHub Actions reads a line that starts with "::" as a workflow command; no line of ours may.
  return out.map((line) => line.replace(/^(\s*)::/, '$1: :')).join('\n').replace(/^\n/, '') + '\n';
};
