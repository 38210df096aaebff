import type { RequestHandler, Response } from 'express';
import type { Db, User } from '../storage/index.ts';
import { findUserByTokenHash } from '../storage/index.ts';
import { unauthorized } from '../http/errors.ts';
import { hashToken } from './tokens.ts';

/** The authenticated caller, set by `authenticate`. */
export function currentUser(res: Response): User {
  const user = res.locals.user as User | undefined;
  if (!user) throw unauthorized();
  return user;
}

/** Reads `Authorization: Bearer <token>`, looks the hash up in the database, 401 otherwise. */
export function authenticate(db: Db): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return next(unauthorized());
    const user = await findUserByTokenHash(db, hashToken(match[1]!));
    if (!user) return next(unauthorized());
    res.locals.user = user;
    next();
  };
}
