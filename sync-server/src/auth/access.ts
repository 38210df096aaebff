/**
 * Who may do what. Roles: unit_reporter (its own unit's report; reads the activities its unit
 * contributes to), reviewer (MOPS: reads all; accepts, returns, reopens), manager (reads all),
 * admin (everything).
 */
import { MSG, type Role } from '@pwr-sync/shared';
import type { User } from '../storage/index.ts';
import { forbidden } from '../http/errors.ts';

const READ_ALL: ReadonlySet<Role> = new Set(['reviewer', 'manager', 'admin']);
const REVIEW: ReadonlySet<Role> = new Set(['reviewer', 'admin']);

export const readsAllUnits = (u: User) => READ_ALL.has(u.role);

/** Writing a unit's report (save, submit): the unit's own reporter, or an admin. */
export function assertCanWriteUnit(u: User, orgUnitCode: string): void {
  if (u.role === 'admin') return;
  if (u.role === 'unit_reporter' && u.orgUnitCode === orgUnitCode) return;
  if (u.role === 'unit_reporter') throw forbidden(MSG.api.otherUnitWrite(u.orgUnitCode, orgUnitCode));
  throw forbidden(MSG.api.readOnlyRole);
}

/**
 * Who writes a unit's report in this save: the unit itself (its reporter), or MOPS on its behalf
 * (a reviewer or an admin, with a reason; audited as MOPS's). Anyone else → 403.
 */
export function writerFor(u: User, orgUnitCode: string): 'unit' | 'mops' {
  if (u.role === 'unit_reporter' && u.orgUnitCode === orgUnitCode) return 'unit';
  if (REVIEW.has(u.role)) return 'mops';
  if (u.role === 'unit_reporter') throw forbidden(MSG.api.otherUnitWrite(u.orgUnitCode, orgUnitCode));
  throw forbidden(MSG.reviewView.onBehalfOnly);
}

/** Accept / return / reopen: a reviewer or an admin. */
export function assertCanReview(u: User): void {
  if (!REVIEW.has(u.role)) throw forbidden(MSG.api.reviewOnly);
}

export function assertAdmin(u: User): void {
  if (u.role !== 'admin') throw forbidden(MSG.api.adminOnly);
}
