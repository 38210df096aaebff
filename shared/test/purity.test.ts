/**
 * The domain core stays pure: no I/O, no Office.js, no Express, no exceljs. TypeScript alone does not
 * stop `import 'node:fs'` here (the types are installed for the other packages), so this test does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
/** Packages the domain core may import; tests may use vitest too. */
const ALLOWED = new Set(['zod']);
const GLOBALS = /\b(Office|Excel|process|require|fetch|XMLHttpRequest|localStorage|document|window)\s*[.(]/;

/** Code without comments and string literals (the catalogue's texts name "Excel (.xlsx)"). */
function withoutCommentsAndText(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

/** Module specifiers of import/export-from statements and dynamic imports. */
export function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('shared/ is a pure domain core', () => {
  it('finds imports the way the check needs', () => {
    expect(importsOf("import { a } from './a.ts';\nimport fs from 'node:fs';\nexport * from \"zod\";\nconst m = await import('express');"))
      .toEqual(['./a.ts', 'node:fs', 'zod', 'express']);
  });

  it('imports nothing but its own files and zod', () => {
    const offending: string[] = [];
    for (const file of sources(SRC)) {
      const isTest = file.endsWith('.test.ts');
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || ALLOWED.has(spec) || (isTest && spec === 'vitest')) continue;
        offending.push(`${path.relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('touches no host or process globals outside tests', () => {
    const offending = sources(SRC)
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => GLOBALS.test(withoutCommentsAndText(readFileSync(f, 'utf8'))))
      .map((f) => path.relative(SRC, f));
    expect(offending).toEqual([]);
  });
});
