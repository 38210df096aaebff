import type { RequestHandler } from 'express';
import { z } from 'zod';
import { MSG, describeIssue, issuePath, plZodErrorMap } from '@pwr-sync/shared';
import { ApiError } from './errors.ts';

// Any contract parsed without validate() still answers in Polish, never zod's English.
z.config({ customError: plZodErrorMap });

/** Where a value came from: the JSON body, the query, the path, a header, or a multipart form field. */
export type Part = 'body' | 'query' | 'params' | 'header' | 'form';

export { issuePath };

/** Keys an object schema accepts (through optional/default/pipe wrappers), for "Dozwolone pola: …". */
function allowedKeys(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def.type === 'object') return Object.keys((def.shape as Record<string, unknown>) ?? {});
    s = def.innerType ?? def.in;
  }
  return [];
}

/**
 * A failed parse as a 400 listing every issue with its path and a Polish sentence that names the
 * field (MSG.fields) and says what to do. `name` is the header or form field when the whole value
 * is one ("Idempotency-Key"), so its problem names it instead of "body".
 */
export function validationError(error: z.ZodError, part: Part, options: { schema?: z.ZodType; name?: string } = {}): ApiError {
  const keys = allowedKeys(options.schema);
  const problems = error.issues.slice(0, 200).map((i) => ({
    field: (options.name ? [options.name, issuePath(i.path)].filter(Boolean).join('.') : issuePath(i.path)) || part,
    code: i.code,
    message: describeIssue(options.name ? { ...i, path: [options.name, ...i.path] } : i, { allowedKeys: keys }),
  }));
  const first = problems[0]?.message ?? '';
  return new ApiError(
    problems.length > 1 ? MSG.zod.headlineMany(problems.length, first) : MSG.zod.headline(first),
    400, 'invalid_request', { problems },
  );
}

/** Parses one value (a header, a form field) with the schema; a 400 naming it when it does not fit. */
export function parseNamed<S extends z.ZodType>(schema: S, value: unknown, part: Part, name?: string): z.infer<S> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw validationError(parsed.error, part, { schema, ...(name ? { name } : {}) });
  return parsed.data;
}

/**
 * Parses `req[part]` with the schema; handlers then read the parsed value from `res.locals[part]`
 * (Express 5's req.query is a getter, so parsed input lives in res.locals).
 */
export function validate<S extends z.ZodType>(schema: S, part: 'body' | 'query' | 'params' = 'body'): RequestHandler {
  return (req, res, next) => {
    const parsed = schema.safeParse(req[part], { reportInput: true });
    if (!parsed.success) return next(validationError(parsed.error, part, { schema }));
    res.locals[part] = parsed.data;
    next();
  };
}

/** Typed access to what validate() stored. */
export function parsed<S extends z.ZodType>(_schema: S, locals: Record<string, unknown>, part: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  return locals[part] as z.infer<S>;
}
