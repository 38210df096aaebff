import { useState, type FormEvent } from 'react';
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
    if (!token.trim()) return setError('Wklej token otrzymany z serwera MOPS.');
    setBusy(true);
    setError(await onSignIn(token));
    setBusy(false);
  }

  return (
    <form className={styles.root} onSubmit={handleSubmit} aria-labelledby="signin-title">
      <Text as="h1" size={500} weight="semibold" id="signin-title">Logowanie</Text>
      <Text>{note ?? 'Wklej osobisty token jednostki, otrzymany z serwera sprawozdań MOPS. Panel zapamięta go na tym komputerze do wylogowania.'}</Text>
      {message && (
        <MessageBar intent="warning"><MessageBarBody>{message}</MessageBarBody></MessageBar>
      )}
      <Field label="Token" required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>{busy ? 'Logowanie…' : 'Zaloguj'}</Button>
    </form>
  );
}
