import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@pwr-sync/shared';
import type { Db } from '../storage/index.ts';
import { getReportingUnits, getTokenStatus, upsertUser } from '../storage/index.ts';
import { hashToken, issueToken } from '../auth/tokens.ts';

export interface DemoToken { userId: string; name: string; role: Role; orgUnitCode: string | null; token: string; expiresAt: string }

const DEMO_LABEL = 'demo';
/** Demo tokens expire like any other; a start finding one with less than a day left issues a new one. */
export const DEMO_TOKEN_DAYS = 7;
const DAY_MS = 86_400_000;

/** Demo user id of a unit: "demo-unit-MOPS-PRZ-08". */
export const demoUnitUserId = (code: string) => `demo-unit-${code.replace(/\//g, '-')}`;

/**
 * Demo mode only: one admin, reviewer and manager, and a reporter for every reporting unit, each
 * with a token valid for DEMO_TOKEN_DAYS. Tokens from an earlier start (the JSON file) are reused
 * while they work for at least another day; expired, revoked or nearly expired ones are replaced by
 * fresh ones. Writes the file (0600).
 */
export async function ensureDemoTokens(db: Db, file: string, now: Date = new Date()): Promise<DemoToken[]> {
  const previous = new Map<string, string>();
  if (existsSync(file)) {
    try {
      for (const t of JSON.parse(readFileSync(file, 'utf8')) as DemoToken[]) previous.set(t.userId, t.token);
    } catch {
      /* unreadable file: issue new tokens */
    }
  }
  const units = await getReportingUnits(db);
  const wanted: Omit<DemoToken, 'token' | 'expiresAt'>[] = [
    { userId: 'demo-admin', name: 'Administrator (demo)', role: 'admin', orgUnitCode: null },
    { userId: 'demo-reviewer', name: 'Weryfikator MOPS (demo)', role: 'reviewer', orgUnitCode: null },
    { userId: 'demo-manager', name: 'Kierownictwo (demo)', role: 'manager', orgUnitCode: null },
    ...units.map((u) => ({ userId: demoUnitUserId(u.code), name: `${u.code} — sprawozdawca (demo)`, role: 'unit_reporter' as const, orgUnitCode: u.code })),
  ];
  const tokens: DemoToken[] = [];
  for (const w of wanted) {
    await upsertUser(db, { id: w.userId, name: w.name, role: w.role, orgUnitCode: w.orgUnitCode });
    const old = previous.get(w.userId);
    const status = old ? await getTokenStatus(db, hashToken(old)) : null;
    const reusable = status && status.user.id === w.userId && !status.revoked && !status.userDisabled && Date.parse(status.expiresAt) > now.getTime() + DAY_MS;
    if (reusable) tokens.push({ ...w, token: old!, expiresAt: status.expiresAt });
    else {
      const expiresAt = new Date(now.getTime() + DEMO_TOKEN_DAYS * DAY_MS);
      tokens.push({ ...w, token: await issueToken(db, w.userId, { label: DEMO_LABEL, expiresAt, now }), expiresAt: expiresAt.toISOString() });
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}
