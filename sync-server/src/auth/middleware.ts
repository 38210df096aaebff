import type { RequestHandler, Response } from 'express';
import type { Db, User } from '../storage/index.ts';
import { findUserByTokenHash } from '../storage/index.ts';
import { unauthorized } from '../http/errors.ts';
import { hashToken } from './tokens.ts';

/** The authenticated caller, set by `identify` (and required by `requireUser`). */
export function currentUser(res: Response): User {
  const user = res.locals.user as User | undefined;
  if (!user) throw unauthorized();
  return user;
}

/** Hash of the caller's token when it is valid (set by `identify`): the rate limiter's key. */
export function validTokenHash(res: Response): string | undefined {
  return res.locals.tokenHash as string | undefined;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Reads `Authorization: Bearer <token>` and looks its hash up in the database; a valid token sets
 * `res.locals.user` (and `tokenHash`). Refuses nothing: `requireUser` does, after the rate limiter,
 * which must key made-up tokens by client address rather than give each one a fresh counter.
 */
export function identify(db: Db): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (match) {
      const hash = hashToken(match[1]!);
      const user = await findUserByTokenHash(db, hash);
      if (user) {
        res.locals.user = user;
        res.locals.tokenHash = hash;
      }
    }
    next();
  };
}

/** 401 unless `identify` found a valid token. */
export const requireUser: RequestHandler = (_req, res, next) => {
  next(res.locals.user ? undefined : unauthorized());
};
