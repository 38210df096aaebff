import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type AdminUser } from '@pwr-sync/shared';
import type { UsersModel } from './useUsers.ts';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', '& > *': { minWidth: 0 } },
});

const t = MSG.signIn;

/** How a user signs in: the e-mail their first sign-in with the city's account is matched by, token sign-in on or off, unbinding. */
export function UserSignIn({ model, user }: { model: UsersModel; user: AdminUser }) {
  const styles = useStyles();
  const [email, setEmail] = useState(user.signIn.email ?? '');
  const [tokenSignIn, setTokenSignIn] = useState(user.signIn.tokenSignIn);
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    setProblems((await model.setSignIn(user.id, { email: email.trim(), tokenSignIn })) ?? {});
  }
  const state = (field: string) => (problems[field] ? { validationState: 'error' as const, validationMessage: problems[field] } : {});

  return (
    <section className={styles.part} aria-label={t.sectionTitle}>
      <Text weight="semibold">{t.sectionTitle}</Text>
      <Text size={200}>{user.signIn.providerBound ? t.bound : t.notBound(user.signIn.email)}</Text>
      <form className={styles.form} onSubmit={save} noValidate>
        <Field label={t.emailLabel} {...state('email')}><Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} autoComplete="off" /></Field>
        <Checkbox checked={tokenSignIn} onChange={(_, d) => setTokenSignIn(d.checked === true)} label={t.tokenSignInLabel} />
        <Button type="submit" disabled={model.busy}>{t.save}</Button>
      </form>
      {user.signIn.providerBound && (
        <div><Button size="small" disabled={model.busy} onClick={() => void model.setSignIn(user.id, { unbindProvider: true })}>{t.unbind}</Button></div>
      )}
      {problems[''] && <MessageBar intent="error"><MessageBarBody>{problems['']}</MessageBarBody></MessageBar>}
    </section>
  );
}
