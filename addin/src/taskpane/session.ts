/**
 * Where the sign-in token lives.
 *
 * Why localStorage: the pane runs in a fresh webview each time Excel opens it, and units fill the
 * report over days, so a session-only store would make them sign in on every opening. The token is
 * short-lived and issued per person by the city server (never baked into the bundle), the pane and
 * the API share one origin, and the pane loads no third-party script except Microsoft's office.js,
 * so the exposure to other scripts is limited. "Wyloguj" removes it at once.
 *
 * Nothing about the report lives here: which version a sheet was built from is kept in the workbook
 * (report/syncRecord.ts), so it holds on any PC and after any sign-in.
 */
const TOKEN_KEY = 'pwr-sync.token';

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
};
