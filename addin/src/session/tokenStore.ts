/**
 * Where a session's credential lives, per host — never in localStorage, and never the issued token
 * (that is pasted once, exchanged for a session at sign-in, and forgotten).
 *
 * The browser mode keeps nothing: its session is an httpOnly cookie no script can read.
 * The pane keeps its short-lived bearer (15 minutes, renewed while the pane is open) in memory and in
 * sessionStorage, so reloading the pane's page keeps the session; closing the pane or Excel ends it.
 *
 * Nothing about the report lives here: the unit's work is in its sheet, and which version the sheet
 * was built from is kept in the workbook (report/syncRecord.ts), so it holds across any sign-in.
 */
const SESSION_KEY = 'pwr-sync.session';
/** Where earlier versions of the pane kept the long-lived token: removed on start. */
const LEGACY_TOKEN_KEY = 'pwr-sync.token';

export interface StoredBearer { bearer: string; expiresAt: string }

export interface BearerStore {
  read(): StoredBearer | null;
  write(value: StoredBearer): void;
  /** Forgets the bearer and anything else the app kept under its prefix. */
  clear(): void;
}

function safe(area: () => Storage | null | undefined): () => Storage | null {
  return () => {
    try {
      return area() ?? null;
    } catch {
      return null;
    }
  };
}

/** A store over a Web Storage area; no storage at all (blocked, private mode) keeps the bearer in memory only. */
export function webBearerStore(area: () => Storage | null | undefined): BearerStore {
  const storage = safe(area);
  return {
    read: () => {
      try {
        const v = JSON.parse(storage()?.getItem(SESSION_KEY) ?? 'null') as StoredBearer | null;
        return v && typeof v.bearer === 'string' && typeof v.expiresAt === 'string' ? v : null;
      } catch {
        return null;
      }
    },
    write: (value) => storage()?.setItem(SESSION_KEY, JSON.stringify(value)),
    clear: () => {
      const s = storage();
      if (!s) return;
      const keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => !!k?.startsWith('pwr-sync.'));
      for (const k of keys) s.removeItem(k);
    },
  };
}

/** A store that keeps nothing (the browser mode: the cookie is the credential). */
export const noBearerStore: BearerStore = { read: () => null, write: () => {}, clear: () => {} };

export const paneBearerStore = (): BearerStore => webBearerStore(() => globalThis.sessionStorage);

/** Removes a token an earlier pane version left in localStorage (it never expired). */
export function forgetLegacyToken(area: () => Storage | null | undefined = () => globalThis.localStorage): void {
  safe(area)()?.removeItem(LEGACY_TOKEN_KEY);
}
