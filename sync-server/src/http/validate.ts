import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ApiError } from './errors.ts';

// Problems go back to Polish users: zod's own messages (those a schema does not spell out) in Polish.
z.config(z.locales.pl());

type Part = 'body' | 'query' | 'params';

/** Path of an issue as "entries[3].actual.measures[0].value". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** The zod error as a 400 listing every issue with its path. */
export function validationError(error: z.ZodError, part: Part): ApiError {
  const problems = error.issues.slice(0, 200).map((i) => ({ field: issuePath(i.path) || part, code: i.code, message: i.message }));
  const first = problems[0];
  return new ApiError(
    `Niepoprawne dane żądania${first ? `: ${first.field} — ${first.message}` : ''}.`,
    400, 'invalid_request', { problems },
  );
}

/**
 * Parses `req[part]` with the schema; handlers then read the parsed value from `res.locals[part]`
 * (Express 5's req.query is a getter, so parsed input lives in res.locals).
 */
export function validate<S extends z.ZodType>(schema: S, part: Part = 'body'): RequestHandler {
  return (req, res, next) => {
    const parsed = schema.safeParse(req[part]);
    if (!parsed.success) return next(validationError(parsed.error, part));
    res.locals[part] = parsed.data;
    next();
  };
}

/** Typed access to what validate() stored. */
export function parsed<S extends z.ZodType>(_schema: S, locals: Record<string, unknown>, part: Part = 'body'): z.infer<S> {
  return locals[part] as z.infer<S>;
}
