import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MSG, type ApiErrorBody } from '@pwr-sync/shared';

/** An error the client should see: HTTP status, stable `code`, Polish message, optional body fields. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Omit<ApiErrorBody, 'error' | 'code'> & Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = () => new ApiError(MSG.api.unauthorized, 401, 'unauthorized');
export const forbidden = (message: string = MSG.api.forbidden) => new ApiError(message, 403, 'forbidden');
export const notFound = (message: string = MSG.api.notFound) => new ApiError(message, 404, 'not_found');

/** body-parser's errors carry `type` and `status`. */
function fromBodyParser(err: { type?: string; status?: number; limit?: number }): ApiError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return new ApiError(MSG.api.malformedJson, 400, 'malformed_json');
    case 'entity.too.large':
      return new ApiError(typeof err.limit === 'number' ? MSG.api.bodyTooLargeLimit(err.limit) : MSG.api.bodyTooLarge, 413, 'payload_too_large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(MSG.api.unsupportedEncoding, 415, 'unsupported_encoding');
    case 'request.aborted':
      return new ApiError(MSG.api.aborted, 400, 'request_aborted');
    default:
      return null;
  }
}

/** The 4xx status an http-errors style error (Express, body-parser) carries, if any. */
function clientErrorStatus(err: unknown): number | null {
  const e = err as { status?: unknown; statusCode?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : null;
  return status !== null && status >= 400 && status < 500 ? status : null;
}

/**
 * The one error handler: every error becomes `{ error, code, ...details }` (ApiErrorBodySchema).
 * Unknown errors are logged and answered 500 without internals. If a response already started
 * (a streamed download), it only ends the response.
 */
export function errorHandler(log: (entry: Record<string, unknown>) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const apiError = err instanceof ApiError ? err : fromBodyParser(err as object);
    if (apiError) {
      const body: Record<string, unknown> = { error: apiError.message, code: apiError.code, ...apiError.details };
      res.status(apiError.status).json(body);
      return;
    }
    // Other client errors raised by Express and body-parser (a path with broken %-encoding, a body
    // that does not inflate as its Content-Encoding says, …) keep their 4xx: the server is fine.
    const status = clientErrorStatus(err);
    if (status) {
      res.status(status).json({ error: MSG.api.badRequest, code: 'bad_request' });
      return;
    }
    log({ level: 'error', category: 'http', msg: 'unhandled error', method: req.method, path: req.path, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    res.status(500).json({ error: MSG.api.internal, code: 'internal_error' });
  };
}

/** 404 for unknown API paths, as JSON. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(notFound(MSG.api.noSuchPath));
};
