/**
 * The add-in manifest for a server address: the repo's manifest.xml (written for the development
 * origin https://localhost:3000) with every URL moved to the given origin and the release's version.
 * Used by `npm run manifest -- --url …` and by GET /manifest.xml.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MSG } from '@pwr-sync/shared';
import { REPO_ROOT } from '../config.ts';
import { RELEASE_VERSION } from '../lifecycle.ts';

export const MANIFEST_TEMPLATE = path.join(REPO_ROOT, 'manifest.xml');
/** The origin manifest.xml is written for. */
export const TEMPLATE_ORIGIN = 'https://localhost:3000';

/** Office wants 1–4 dot-separated numbers of at most 5 digits: the release 0.1.0 → 0.1.0.0. */
export function manifestVersion(release = RELEASE_VERSION): string {
  const parts = release.split(/[.+-]/).filter((p) => /^\d{1,5}$/.test(p)).slice(0, 4);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

export const MANIFEST_VERSION_PATTERN = /^\d{1,5}(\.\d{1,5}){0,3}$/;

export interface ManifestOptions {
  /** https://pwr.example.krakow.pl — an origin, already validated. */
  origin: string;
  version?: string;
  template?: string;
}

export function manifestFor({ origin, version = manifestVersion(), template = readFileSync(MANIFEST_TEMPLATE, 'utf8') }: ManifestOptions): string {
  if (!MANIFEST_VERSION_PATTERN.test(version)) throw new Error(MSG.cli.manifestVersion(version));
  // The origin is a parsed URL origin (scheme, host, port): nothing in it needs XML escaping.
  if (!/^https?:\/\/[a-z0-9.[\]:-]+$/i.test(origin)) throw new Error(MSG.cli.manifestOrigin(origin));
  return template
    .replaceAll(TEMPLATE_ORIGIN, origin)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`)
    // No origin in the comment: a punycode host (xn--…) would put a forbidden "--" into it.
    .replace(/<!--[\s\S]*?-->\n/, `<!-- ${MSG.cli.manifestComment(RELEASE_VERSION)} -->\n`);
}

/** The add-in files the manifest points to, as paths under /addin/ (the build must ship each). */
export function manifestAddinFiles(xml: string, origin: string): string[] {
  const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]!);
  return [...new Set(urls.filter((u) => u !== origin).map((u) => new URL(u).pathname))].sort();
}
