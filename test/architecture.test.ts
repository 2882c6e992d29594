import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);

describe('the boundaries ARCHITECTURE.md promises', () => {
  it('the engine and the report import nothing from vscode or the language-server protocol', () => {
    for (const file of [...sources('server/src/engine'), ...sources('server/src/report')]) {
      expect(imports(file).filter((m) => /^vscode/.test(m)), file).toEqual([]);
    }
  });

  it('only the client imports vscode; the server never does', () => {
    for (const file of sources('server/src')) expect(imports(file).filter((m) => m === 'vscode'), file).toEqual([]);
  });

  it('the engine imports nothing from server/src/verify nor viem: linting never loads the network client', () => {
    for (const file of sources('server/src/engine')) {
      expect(imports(file).filter((m) => /(^|\/)verify(\/|$)/.test(m) || /^viem(\/|$)/.test(m)), file).toEqual([]);
    }
  });

  it('only server/src/verify imports viem; the rest loads the verifier on demand (dist/verify.mjs), never statically', () => {
    const dynamic = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    const outside = sources('server/src').filter((f) => !f.startsWith(join('server', 'src', 'verify')));
    /** Whether a source file, or any relative import it makes statically, imports viem. */
    const loadsViem = (file: string, seen = new Set<string>()): boolean => {
      if (seen.has(file)) return false;
      seen.add(file);
      const local = (m: string) => [`${m}.ts`, join(m, 'index.ts')].map((p) => join(dirname(file), p)).find((p) => existsSync(p));
      return imports(file).some((m) => /^viem(\/|$)/.test(m) || (m.startsWith('.') && local(m) !== undefined && loadsViem(local(m)!, seen)));
    };
    for (const file of outside) {
      expect(loadsViem(file), `${file} statically reaches viem`).toBe(false);
      expect(imports(file).filter((m) => /\/verify\/index$/.test(m)), file).toEqual([]);
    }
    expect(sources('server/src/engine').filter((file) => dynamic(file).some((m) => /verify/.test(m)))).toEqual([]);
    expect(outside.filter((file) => dynamic(file).some((m) => /\/verify\/index$/.test(m))).length).toBeGreaterThan(0);
  });

  it('the engine and the report make no network calls', () => {
    for (const file of [...sources('server/src/engine'), ...sources('server/src/report')]) {
      expect(imports(file).filter((m) => /^(node:)?(http|https|net|tls|dgram|dns)$/.test(m)), file).toEqual([]);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket/);
    }
  });

  it('the engine, the report and the lint threads never load the verify implementation (the only code that talks to the network)', () => {
    const threads = ['server/src/lsp/document-worker.ts', 'server/src/lsp/linting.ts', 'server/src/lsp/worker-protocol.ts'];
    for (const file of [...sources('server/src/engine'), ...sources('server/src/report'), ...threads]) {
      expect(imports(file).filter((m) => /(^|\/)verify\/(?!api$)/.test(m)), file).toEqual([]);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/import\(\s*['"][^'"]*verify/);
    }
  });
});
