/** The users page's state: users with tokens and sessions, the org units to assign, and every admin action. */
import { useCallback, useEffect, useState } from 'react';
import { MSG, warsawDate, type AdminUser, type AuthEvent, type IssuedToken, type NewUserRequest, type OrgUnit, type SessionInfo, type UserSignInRequest } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import * as admin from '../api/adminClient.ts';

export interface Notice { intent: 'success' | 'error' | 'warning'; text: string }

/** The expiry a new token gets unless the admin picks another day: 90 days from today in Kraków. */
export const defaultExpiry = (today = new Date()) => warsawDate(new Date(today.getTime() + 90 * 86_400_000));

/** Per-field messages of a refusal (400 `problems`), else its message under '' . */
export function fieldProblems(outcome: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>): Record<string, string> {
  if (outcome.kind === 'rejected' && outcome.problems.length > 0) {
    return Object.fromEntries(outcome.problems.map((p) => [p.field ?? '', p.message]));
  }
  return { '': outcome.message };
}

export function useUsers({ api, onFailure }: { api: ApiClient; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issued, setIssued] = useState<(IssuedToken & { userId: string }) | null>(null);
  const [busy, setBusy] = useState(false);

  /** A failed outcome: a 401 ends the session (onFailure); anything else is said on the page. */
  const failed = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    onFailure(o);
    setNotice({ intent: 'error', text: o.message });
  }, [onFailure]);

  const load = useCallback(async () => {
    const [list, program] = await Promise.all([admin.listUsers(api), api.program()]);
    if (list.kind !== 'ok') { onFailure(list); return setLoadError(list.message); }
    setLoadError(null);
    setUsers(list.value);
    if (program.kind === 'ok') setUnits(program.value.orgUnits.filter((u) => u.kind !== 'group'));
  }, [api, onFailure]);

  useEffect(() => { void load(); }, [load]);

  const sessions = useCallback(async (id: string): Promise<SessionInfo[]> => {
    const o = await admin.userSessions(api, id);
    if (o.kind !== 'ok') { failed(o); return []; }
    return o.value;
  }, [api, failed]);

  const audit = useCallback(async (id?: string): Promise<AuthEvent[]> => {
    const o = await admin.auditLog(api, id);
    if (o.kind !== 'ok') { failed(o); return []; }
    return o.value;
  }, [api, failed]);

  /** Replaces one user's row with the server's answer. */
  const put = (u: AdminUser) => setUsers((list) => (list ?? []).some((x) => x.id === u.id) ? (list ?? []).map((x) => (x.id === u.id ? u : x)) : [...(list ?? []), u]);

  async function run<T>(call: () => Promise<ApiOutcome<T>>, done: (value: T) => void): Promise<boolean> {
    setBusy(true);
    setNotice(null);
    const o = await call();
    setBusy(false);
    if (o.kind !== 'ok') { failed(o); return false; }
    done(o.value);
    return true;
  }

  return {
    users, units, loadError, notice, issued, busy, load,
    clearIssued: () => setIssued(null),
    /** Adds a user; the refusal's messages by field (id, name, role, orgUnitCode, '' for the rest), or null. */
    add: async (user: NewUserRequest): Promise<Record<string, string> | null> => {
      setBusy(true);
      setNotice(null);
      const o = await admin.addUser(api, user);
      setBusy(false);
      if (o.kind !== 'ok') { onFailure(o); return fieldProblems(o); }
      put(o.value);
      setNotice({ intent: 'success', text: MSG.auth.userAdded(o.value.id) });
      return null;
    },
    disable: (id: string) => run(() => admin.disableUser(api, id), (u) => { put(u); setNotice({ intent: 'success', text: MSG.auth.userDisabledDone(id) }); }),
    enable: (id: string) => run(() => admin.enableUser(api, id), (u) => { put(u); setNotice({ intent: 'success', text: MSG.auth.userEnabledDone(id) }); }),
    /** Issues a token; the refusal's messages by field, or null (the token is then in `issued`, shown once). */
    issue: async (id: string, label: string, expiresOn: string): Promise<Record<string, string> | null> => {
      setBusy(true);
      setNotice(null);
      const o = await admin.issueToken(api, id, { label, expiresOn });
      setBusy(false);
      if (o.kind !== 'ok') { onFailure(o); return fieldProblems(o); }
      setIssued({ ...o.value, userId: id });
      setUsers((list) => (list ?? []).map((u) => (u.id === id ? { ...u, tokens: [...u.tokens, o.value.info] } : u)));
      return null;
    },
    revoke: (id: string, tokenId: string) => run(() => admin.revokeToken(api, id, tokenId), (t) => {
      setUsers((list) => (list ?? []).map((u) => (u.id === id ? { ...u, tokens: u.tokens.map((x) => (x.id === tokenId ? t : x)) } : u)));
      setNotice({ intent: 'success', text: MSG.auth.tokenRevokedDone(tokenId) });
    }),
    /** How the user signs in (e-mail for the city's provider, token on/off, unbind); the refusal's messages by field, or null. */
    setSignIn: async (id: string, body: UserSignInRequest): Promise<Record<string, string> | null> => {
      setBusy(true);
      setNotice(null);
      const o = await admin.setUserSignIn(api, id, body);
      setBusy(false);
      if (o.kind !== 'ok') { onFailure(o); return fieldProblems(o); }
      put(o.value);
      setNotice({ intent: 'success', text: MSG.signIn.saved(id) });
      return null;
    },
    sessions,
    endSession: (id: string, sessionId: string) => run(() => admin.endSession(api, id, sessionId), () => {
      setUsers((list) => (list ?? []).map((u) => (u.id === id ? { ...u, activeSessions: Math.max(0, u.activeSessions - 1) } : u)));
    }),
    audit,
  };
}

export type UsersModel = ReturnType<typeof useUsers>;
