/**
 * Where the sign-in token lives, per host.
 *
 * The pane (localStorage): it runs in a fresh webview each time Excel opens it, and units fill the
 * report over days, so a session-only store would make them sign in on every opening. The token is
 * short-lived and issued per person by the city server (never baked into the bundle), the pane and
 * the API share one origin, and the pane loads no third-party script except Microsoft's office.js.
 *
 * The browser mode (sessionStorage): an ordinary browser tab, often on a shared office PC; closing
 * the tab ends the session. "Wyloguj" removes the token at once in both.
 *
 * Nothing about the report lives here: which version a sheet was built from is kept in the workbook
 * (report/syncRecord.ts), so it holds on any PC and after any sign-in.
 */
const TOKEN_KEY = 'pwr-sync.token';

export interface TokenStore {
  read(): string | null;
  write(token: string): void;
  /** Forgets the token and anything else the app kept under its prefix. */
  clear(): void;
}

/** A store over a Web Storage area; no storage at all (blocked cookies, private mode) keeps nothing. */
export function webTokenStore(area: () => Storage | null | undefined): TokenStore {
  const storage = (): Storage | null => {
    try {
      return area() ?? null;
    } catch {
      return null;
    }
  };
  return {
    read: () => storage()?.getItem(TOKEN_KEY) ?? null,
    write: (token) => storage()?.setItem(TOKEN_KEY, token),
    clear: () => {
      const s = storage();
      if (!s) return;
      const keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => !!k?.startsWith('pwr-sync.'));
      for (const k of keys) s.removeItem(k);
    },
  };
}

export const paneTokenStore = (): TokenStore => webTokenStore(() => globalThis.localStorage);
export const browserTokenStore = (): TokenStore => webTokenStore(() => globalThis.sessionStorage);
