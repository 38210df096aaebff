/**
 * Where the sign-in token lives.
 *
 * Why localStorage: the pane runs in a fresh webview each time Excel opens it, and units fill the
 * report over days, so a session-only store would make them sign in on every opening. The token is
 * short-lived and issued per person by the city server (never baked into the bundle), the pane and
 * the API share one origin, and the pane loads no third-party script except Microsoft's office.js,
 * so the exposure to other scripts is limited. "Wyloguj" removes it at once.
 */
const TOKEN_KEY = 'pwr-sync.token';
const baseVersionKey = (unit: string, year: number) => `pwr-sync.baseVersion.${unit}.${year}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const session = {
  token: (): string | null => storage()?.getItem(TOKEN_KEY) ?? null,
  setToken: (token: string) => storage()?.setItem(TOKEN_KEY, token),
  clear: () => {
    const s = storage();
    if (!s) return;
    for (const k of Object.keys(s)) if (k.startsWith('pwr-sync.')) s.removeItem(k);
  },
  /** The server version the sheet was last synced with, so a stale save is detected across openings. */
  baseVersion: (unit: string, year: number): number | null => {
    const v = storage()?.getItem(baseVersionKey(unit, year));
    return v === null || v === undefined ? null : Number(v);
  },
  setBaseVersion: (unit: string, year: number, version: number) => storage()?.setItem(baseVersionKey(unit, year), String(version)),
};
