/**
 * Every Office.js member the add-in uses, checked against the requirement set the manifest declares:
 * the TypeScript checker resolves each property access in addin/src to its declaration in
 * @types/office-js and reads that declaration's `[Api set: ExcelApi x.y]` annotation. A member that
 * needs a newer Excel than the manifest (and requirements.ts) promises fails here, by name — selection
 * events and the theme included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REQUIRED_EXCEL_API } from './requirements.ts';

const ADDIN = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MANIFEST = readFileSync(resolve(ADDIN, '../manifest.xml'), 'utf8');
const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(MANIFEST)?.[1];

const version = (v: string) => v.split('.').map(Number).reduce((a, n, i) => a + n / 1000 ** i, 0);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** "Excel.Table.onSelectionChanged" → "1.7" for every Office.js member the add-in's code touches. */
function membersUsed(): Map<string, string | null> {
  const config = ts.getParsedCommandLineOfConfigFile(join(ADDIN, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(sources(join(ADDIN, 'src')), config.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, string | null>();
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !sf.fileName.startsWith(join(ADDIN, 'src'))) continue;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const d of symbol?.declarations ?? []) {
          const file = d.getSourceFile();
          if (!file.fileName.includes('@types/office-js')) continue;
          const comments = ts.getLeadingCommentRanges(file.text, d.getFullStart()) ?? [];
          const doc = comments.map((c) => file.text.slice(c.pos, c.end)).join('\n');
          const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(doc)?.[1] ?? null;
          const owner = ts.isClassDeclaration(d.parent) || ts.isInterfaceDeclaration(d.parent) ? d.parent.name?.text : '';
          used.set(`${owner}.${node.name.text}`, set);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return used;
}

describe('Office.js requirement sets', () => {
  const used = membersUsed();

  it('the manifest and the run-time check ask for the same ExcelApi version', () => {
    expect(declared).toBe(REQUIRED_EXCEL_API);
  });

  it('sees the members the adapter uses, with their API sets', () => {
    expect(used.get('Table.onSelectionChanged')).toBe('1.7');
    expect(used.get('Table.onChanged')).toBe('1.7');
    expect(used.get('RequestContext.runtime') ?? used.get('Runtime.enableEvents')).not.toBeUndefined();
    expect(used.has('Context.officeTheme')).toBe(true);
    expect(used.size).toBeGreaterThan(40);
  });

  it('needs nothing newer than the manifest declares', () => {
    const tooNew = [...used].filter(([, set]) => set !== null && version(set) > version(declared!)).map(([m, set]) => `${m} (ExcelApi ${set})`);
    expect(tooNew).toEqual([]);
    if (process.env.PWR_SHOW_API_SETS) console.log([...used].filter(([, s]) => s).map(([m, s]) => `${m} ${s}`).join(', '));
  });
});
