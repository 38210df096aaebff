import { useState, type FormEvent } from 'react';
import { MSG } from '@pwr-sync/shared';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export interface SignInProps {
  message?: string;
  /** Where the token is kept, in the user's words (the pane remembers it; a browser tab forgets it). */
  note?: string;
  onSignIn: (token: string) => Promise<string | null>;
}

/** Sign-in with the personal token issued by the MOPS server. */
export function SignIn({ message, note, onSignIn }: SignInProps) {
  const styles = useStyles();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) return setError(MSG.pane.tokenMissing);
    setBusy(true);
    setError(await onSignIn(token));
    setBusy(false);
  }

  return (
    // noValidate: the pane says what is missing in Polish, never the browser's „Please fill out this field.”
    <form className={styles.root} onSubmit={handleSubmit} aria-labelledby="signin-title" noValidate>
      <Text as="h1" size={500} weight="semibold" id="signin-title">{MSG.pane.signInTitle}</Text>
      <Text>{note ?? MSG.pane.signInIntro}</Text>
      {message && (
        <MessageBar intent="warning"><MessageBarBody>{message}</MessageBarBody></MessageBar>
      )}
      <Field label={MSG.pane.tokenLabel} required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>{busy ? MSG.pane.signingIn : MSG.pane.signIn}</Button>
    </form>
  );
}
