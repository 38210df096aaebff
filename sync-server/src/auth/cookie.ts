import type { Request, Response } from 'express';

/** The browser mode's session cookie: httpOnly (no script reads it), SameSite=Strict, Secure over TLS. */
export const SESSION_COOKIE = 'pwr_session';

/** One cookie's value from the Cookie header (no dependency: the header is name=value pairs). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value && /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * Secure when the request came over TLS — directly, or through a proxy PWR_TRUST_PROXY trusts to say
 * so (X-Forwarded-Proto) — so the demo on http://localhost still signs in. No Max-Age: the cookie
 * goes with the browser; the session's own idle timeout and maximum age end it sooner on the server.
 */
export function setSessionCookie(req: Request, res: Response, secret: string): void {
  res.cookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
