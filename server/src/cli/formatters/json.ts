import { streamedJson } from './json-stream';
import { counts, type Formatter } from './types';

/** Machine-readable results; the shape is stable across minor versions. */
export const json: Formatter = ({ version, files, display, notFollowed = [] }) => {
  const total = counts(files);
  const strip = (f: import('../../engine/lint').Finding, path: string) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.detail ? { detail: f.detail } : {}),
    path,
    range: f.range,
    related: f.related.map((r) => ({ message: r.message, path: display(r.uri), range: r.range })),
    fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
    subjects: f.subjects,
    ...(f.suppression ? { suppression: f.suppression } : {}),
  });
  return streamedJson(
    {
      tool: 'chokepoint',
      version,
      summary: { files: files.length, errors: total.error, warnings: total.warning, infos: total.info, suppressed: total.suppressed },
      // Symlinks leading out of the folders scanned, which were not followed (--follow-symlinks follows them).
      ...(notFollowed.length > 0 ? { notFollowed } : {}),
      files: (function* () {
        for (const file of files) {
          yield {
            path: file.path,
            kind: file.kind ?? null,
            findings: file.findings.map((f) => strip(f, file.path)),
            suppressed: file.suppressed.map((f) => strip(f, file.path)),
          };
        }
      })(),
    },
  );
};
