import { useState, type FormEvent } from 'react';
import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody,
  Select, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { MSG, RoleSchema, type AdminUser, type Role } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { formatDate } from '../taskpane/format.ts';
import { useUsers, type UsersModel } from './useUsers.ts';
import { UserDetails } from './UserDetails.tsx';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', '& > *': { minWidth: 0 } },
  // Unit names are long: the list shrinks to its column instead of widening the page.
  select: { minWidth: 0, width: '100%', '& select': { textOverflow: 'ellipsis' } },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  who: { display: 'flex', flexDirection: 'column', minWidth: '180px', flexGrow: 1 },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const t = MSG.auth;

/** MOPS's admin in the browser: add people, issue and revoke their tokens, disable them, see sign-ins and sessions. */
export function UsersPage({ api, me, onFailure }: { api: ApiClient; me: { user: { id: string } }; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const styles = useStyles();
  const model = useUsers({ api, onFailure });
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<AdminUser | null>(null);

  if (model.loadError) return (
    <>
      <MessageBar intent="error" layout="multiline"><MessageBarBody>{t.loadFailed} {model.loadError}</MessageBarBody></MessageBar>
      <Button onClick={() => void model.load()}>{MSG.browser.retry}</Button>
    </>
  );
  if (!model.users) return <Spinner label={MSG.browser.loading} />;
  const needle = filter.trim().toLocaleLowerCase('pl');
  const shown = model.users.filter((u) => !needle || [u.id, u.name, u.orgUnitCode ?? ''].some((s) => s.toLocaleLowerCase('pl').includes(needle)));

  return (
    <>
      <Text as="h2" size={600} weight="semibold">{t.usersTitle}</Text>
      <Text>{t.usersIntro}</Text>
      <AddUser model={model} />
      <div aria-live="polite">{model.notice && <MessageBar intent={model.notice.intent} layout="multiline"><MessageBarBody>{model.notice.text}</MessageBarBody></MessageBar>}</div>
      <section className={styles.card} aria-labelledby="users-list-title">
        <Text as="h3" size={400} weight="semibold" id="users-list-title">{t.colUser}</Text>
        <Field label={t.filter}><Input value={filter} onChange={(_, d) => setFilter(d.value)} type="search" /></Field>
        <ul className={styles.list} aria-labelledby="users-list-title">
          {shown.map((u) => (
            <li key={u.id} className={styles.card} data-user={u.id}>
              <div className={styles.row}>
                <div className={styles.who}>
                  <Text weight="semibold">{u.name}</Text>
                  <Text size={200}>{u.id} · {MSG.labels.role[u.role]}{u.orgUnitCode ? ` · ${u.orgUnitCode}` : ''}</Text>
                </div>
                <Badge appearance="filled" color={u.disabled ? 'danger' : 'success'}>{u.disabled ? t.disabled : t.active}</Badge>
              </div>
              <div className={styles.facts}>
                <Text size={200}>{t.colLastSignIn}: {u.lastSignInAt ? formatDate(u.lastSignInAt) : t.never}</Text>
                <Text size={200}>{t.colSessions}: {u.activeSessions}</Text>
                <Text size={200}>{t.colTokens}: {u.tokens.filter((x) => x.active).length}</Text>
              </div>
              <div className={styles.actions}>
                <Button size="small" aria-expanded={open === u.id} onClick={() => setOpen(open === u.id ? null : u.id)}>{open === u.id ? t.hide : t.details}</Button>
                {u.disabled
                  ? <Button size="small" disabled={model.busy} onClick={() => void model.enable(u.id)}>{t.enable}</Button>
                  : <Button size="small" disabled={model.busy || u.id === me.user.id} onClick={() => setConfirm(u)}>{t.disable}</Button>}
              </div>
              {open === u.id && <UserDetails model={model} user={u} />}
            </li>
          ))}
        </ul>
      </section>
      <Dialog open={confirm !== null} onOpenChange={(_, d) => { if (!d.open) setConfirm(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.disable}</DialogTitle>
            <DialogContent>{confirm ? t.confirmDisable(confirm.name) : ''}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => { const u = confirm; setConfirm(null); if (u) void model.disable(u.id); }}>{t.disable}</Button>
              <Button onClick={() => setConfirm(null)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

/** The add-a-user form: a reporter needs a unit, other roles none (the server says so too, by field). */
function AddUser({ model }: { model: UsersModel }) {
  const styles = useStyles();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('unit_reporter');
  const [unit, setUnit] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const refused = await model.add({ id: id.trim(), name: name.trim(), role, orgUnitCode: role === 'unit_reporter' ? unit || null : null });
    setProblems(refused ?? {});
    if (!refused) { setId(''); setName(''); setUnit(''); }
  }
  const state = (field: string) => (problems[field] ? { validationState: 'error' as const, validationMessage: problems[field] } : {});

  return (
    <form className={styles.card} onSubmit={submit} noValidate aria-labelledby="add-user-title">
      <Text as="h3" size={400} weight="semibold" id="add-user-title">{t.addUser}</Text>
      <div className={styles.form}>
        <Field label={t.userId} hint={t.userIdHint} required {...state('id')}><Input value={id} onChange={(_, d) => setId(d.value)} autoComplete="off" /></Field>
        <Field label={t.userName} required {...state('name')}><Input value={name} onChange={(_, d) => setName(d.value)} autoComplete="off" /></Field>
        <Field label={t.role} required {...state('role')}>
          <Select className={styles.select} value={role} onChange={(_, d) => setRole(d.value as Role)}>
            {RoleSchema.options.map((r) => <option key={r} value={r}>{MSG.labels.role[r]}</option>)}
          </Select>
        </Field>
        {role === 'unit_reporter' && (
          <Field label={t.unit} required {...state('orgUnitCode')}>
            <Select className={styles.select} value={unit} onChange={(_, d) => setUnit(d.value)}>
              <option value="">{t.chooseUnit}</option>
              {model.units.map((u) => <option key={u.code} value={u.code}>{u.code} — {u.name}</option>)}
            </Select>
          </Field>
        )}
        <Button appearance="primary" type="submit" disabled={model.busy}>{t.save}</Button>
      </div>
      {problems[''] && <MessageBar intent="error" layout="multiline"><MessageBarBody>{problems['']}</MessageBarBody></MessageBar>}
    </form>
  );
}
