import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Office hosts that frame the task pane (Excel on the web, new Outlook, Teams). */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.office.com', 'https://*.office365.com', 'https://*.officeapps.live.com', 'https://*.live.com',
  'https://*.microsoft.com', 'https://*.sharepoint.com', 'https://*.cloud.microsoft', 'https://*.outlook.com',
];

/**
 * Security headers. The task pane runs inside an Office iframe, so X-Frame-Options is off and
 * CSP frame-ancestors names the Office hosts instead; Office.js loads from appsforoffice.microsoft.com;
 * Fluent UI injects styles at runtime, hence style-src 'unsafe-inline'.
 */
export function securityHeaders(allowedOrigins: readonly string[]): RequestHandler {
  return helmet({
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    // Office's dialog API opens windows that talk back to the task pane.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", 'https://appsforoffice.microsoft.com'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'https://appsforoffice.microsoft.com'],
        'font-src': ["'self'", 'data:', 'https://res-1.cdn.office.net'],
        'connect-src': ["'self'", 'https://appsforoffice.microsoft.com', ...allowedOrigins],
        'frame-src': ["'self'", 'https://appsforoffice.microsoft.com'],
        'frame-ancestors': ["'self'", ...OFFICE_FRAME_ANCESTORS],
        'form-action': ["'self'"],
        // Development runs on http://localhost; production sits behind TLS anyway.
        'upgrade-insecure-requests': null,
      },
    },
  });
}

/** CORS for the listed origins only; other origins get no CORS headers (the browser blocks them). */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && allowed.has(origin)) {
      res.vary('Origin');
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, X-PWR-Client');
      res.set('Access-Control-Allow-Methods', 'GET, PUT, POST, OPTIONS');
      res.set('Access-Control-Expose-Headers', 'RateLimit, RateLimit-Policy, Retry-After');
      res.set('Access-Control-Max-Age', '600');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/**
 * The Office dialog of the provider sign-in reports back to the pane through its opener. A page with
 * COOP same-origin-allow-popups reached from the provider's page would put the dialog in a new
 * browsing-context group and cut that link, so the sign-in's own pages keep COOP unsafe-none.
 */
export function dialogOpener(paths: { page: string; prefix: string }): RequestHandler {
  return (req, res, next) => {
    if (req.path === paths.page || req.path.startsWith(paths.prefix)) res.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
    next();
  };
}
