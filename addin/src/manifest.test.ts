/**
 * Validates the root manifest.xml against Microsoft's add-in manifest XSDs, offline
 * (`office-addin-manifest validate` needs an online service). The schemas are kept in the repo:
 * `addin/schemas/office-addin-manifest/` (origin in its README).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaDir = resolve(repoRoot, 'addin/schemas/office-addin-manifest');
const manifestPath = resolve(repoRoot, 'manifest.xml');

function validate(xml: string): string[] {
  xmlRegisterFsInputProviders();
  const xsdPath = resolve(schemaDir, 'OfficeAppManifestV1_1.xsd');
  // The file URL lets libxml2 resolve the schema's xs:include/xs:import of its sibling files.
  const xsdDoc = XmlDocument.fromBuffer(readFileSync(xsdPath), { url: pathToFileURL(xsdPath).href });
  const validator = XsdValidator.fromDoc(xsdDoc);
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details.map((d) => `${d.line}: ${d.message.trim()}`);
    throw e;
  } finally {
    doc.dispose();
    validator.dispose();
    xsdDoc.dispose();
  }
}

describe('manifest.xml', () => {
  const xml = readFileSync(manifestPath, 'utf8');

  it('is valid against the Office add-in manifest schema (v1.1, VersionOverrides V1_0)', () => {
    expect(validate(xml)).toEqual([]);
  });

  it('rejects a manifest with elements out of the order the schema enforces', () => {
    const broken = xml.replace(/(<DefaultLocale>pl-PL<\/DefaultLocale>)\s*(<DisplayName[\s\S]*?<\/DisplayName>)/, '$2$1');
    expect(broken).not.toEqual(xml);
    expect(validate(broken).length).toBeGreaterThan(0);
  });

  it('is an Excel task pane in Polish with an English override, requiring ExcelApi 1.9', () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<DefaultLocale>pl-PL</DefaultLocale>');
    expect(xml).toMatch(/<Override Locale="en-US"/);
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(xml).toContain('https://localhost:3000/addin/taskpane.html');
  });

  it('points to icons that the build ships', () => {
    const icons = [...xml.matchAll(/\/addin\/assets\/(icon-\d+\.png)/g)].map((m) => m[1]!);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of new Set(icons)) {
      expect(() => readFileSync(resolve(repoRoot, 'addin/public/assets', icon))).not.toThrow();
    }
  });
});
