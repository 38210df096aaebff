import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../storage/index.ts';
import { insertToken } from '../storage/index.ts';

/** A new random bearer token: "pwr_" + 32 random bytes, base64url. Shown once, stored only as its hash. */
export function generateToken(): string {
  return `pwr_${randomBytes(32).toString('base64url')}`;
}

/** sha256 hex of a token; tokens carry 256 random bits, so a fast hash is enough (no password stretching). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues a token for a user and returns it in clear (the only time it exists in clear). */
export async function issueToken(q: Queryable, userId: string, label = ''): Promise<string> {
  const token = generateToken();
  await insertToken(q, hashToken(token), userId, label);
  return token;
}
