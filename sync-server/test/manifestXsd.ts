/**
 * Validates an add-in manifest against Microsoft's XSDs kept in the repo
 * (addin/schemas/office-addin-manifest/), offline with libxml2-wasm — as addin/src/manifest.test.ts
 * does for the development manifest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { REPO_ROOT } from '../src/config.ts';

export function manifestXsdErrors(xml: string): string[] {
  xmlRegisterFsInputProviders();
  const xsdPath = path.join(REPO_ROOT, 'addin/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd');
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
