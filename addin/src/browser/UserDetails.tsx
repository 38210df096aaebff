import { useEffect, useState, type FormEvent } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type AdminUser, type AuthEvent, type SessionInfo } from '@pwr-sync/shared';
import { formatDate } from '../taskpane/format.ts';
import { defaultExpiry, type UsersModel } from './useUsers.ts';
import { UserSignIn } from './UserSignIn.tsx';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', '& > *': { minWidth: 0 } },
  secret: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const t = MSG.auth;

/** One user's tokens (issue, revoke), live sessions (end one) and their log. */
export function UserDetails({ model, user }: { model: UsersModel; user: AdminUser }) {
  const styles = useStyles();
  const [label, setLabel] = useState('');
  const [expiresOn, setExpiresOn] = useState(defaultExpiry());
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [events, setEvents] = useState<AuthEvent[]>([]);
  const [copied, setCopied] = useState(false);
  const { sessions: loadSessions, audit } = model;
  const refreshKey = `${user.activeSessions}/${user.disabled}/${user.tokens.length}`;

  useEffect(() => {
    void loadSessions(user.id).then(setSessions);
    void audit(user.id).then(setEvents);
  }, [user.id, refreshKey, loadSessions, audit]); // refreshKey: reload when the user's row changes

  async function issue(e: FormEvent) {
    e.preventDefault();
    setCopied(false);
    setProblems((await model.issue(user.id, label.trim(), expiresOn)) ?? {});
  }
  const issued = model.issued?.userId === user.id ? model.issued : null;
  const state = (field: string) => (problems[field] ? { validationState: 'error' as const, validationMessage: problems[field] } : {});

  return (
    <>
      <section className={styles.part} aria-label={t.tokensOf(user.name)}>
        <Text weight="semibold">{t.colTokens}</Text>
        {user.tokens.length === 0 ? <Text size={200}>{t.noTokens}</Text> : (
          <ul className={styles.list}>
            {user.tokens.map((k) => (
              <li key={k.id} className={styles.item} data-token={k.id}>
                <Badge appearance="tint" color={k.active ? 'success' : 'subtle'}>{t.tokenState(k.active, k.revokedAt !== null)}</Badge>
                <Text size={200}>{t.tokenLine(k.label, k.expiresAt)} · {t.tokenLastUsed(k.lastUsedAt)}</Text>
                {k.active && <Button size="small" disabled={model.busy} onClick={() => void model.revoke(user.id, k.id)}>{t.revoke}</Button>}
              </li>
            ))}
          </ul>
        )}
        {issued && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.tokenIssued}</MessageBarTitle>
              <Text className={styles.secret} data-testid="issued-token">{issued.token}</Text>{' '}
              <Button size="small" onClick={() => void navigator.clipboard?.writeText(issued.token).then(() => setCopied(true))}>{copied ? t.copied : t.copy}</Button>
            </MessageBarBody>
          </MessageBar>
        )}
        {!user.disabled && (
          <form className={styles.form} onSubmit={issue} noValidate>
            <Field label={t.tokenLabel} {...state('label')}><Input value={label} onChange={(_, d) => setLabel(d.value)} autoComplete="off" /></Field>
            <Field label={t.tokenExpiresOn} required {...state('expiresOn')}><Input type="date" value={expiresOn} onChange={(_, d) => setExpiresOn(d.value)} /></Field>
            <Button type="submit" appearance="primary" disabled={model.busy}>{t.issueToken}</Button>
          </form>
        )}
        {problems[''] && <MessageBar intent="error"><MessageBarBody>{problems['']}</MessageBarBody></MessageBar>}
      </section>
      <UserSignIn key={`${user.id}/${user.signIn.email}/${user.signIn.tokenSignIn}`} model={model} user={user} />
      <section className={styles.part} aria-label={t.sessionsOf}>
        <Text weight="semibold">{t.sessionsOf}</Text>
        {sessions.length === 0 ? <Text size={200}>{t.noSessions}</Text> : (
          <ul className={styles.list}>
            {sessions.map((s) => (
              <li key={s.id} className={styles.item}>
                <Text size={200}>{t.sessionLine(s.client, s.ip, s.createdAt, s.lastSeenAt)}</Text>
                <Button size="small" disabled={model.busy} onClick={() => void model.endSession(user.id, s.id).then(() => loadSessions(user.id).then(setSessions))}>{t.endSession}</Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.part} aria-label={t.auditTitle}>
        <Text weight="semibold">{t.auditTitle}</Text>
        {events.length === 0 ? <Text size={200}>{t.auditEmpty}</Text> : (
          <ul className={styles.list}>
            {events.slice(0, 20).map((e) => (
              <li key={e.id}><Text size={200}>{formatDate(e.at)} — {t.auditLine(t.event[e.event], e.userId === user.id ? null : e.userId, e.actorId, e.ip)}</Text></li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
