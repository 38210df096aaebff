import { useEffect, useState, type FormEvent } from 'react';
import { MSG, type SignInMethods } from '@pwr-sync/shared';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export interface SignInProps {
  message?: string;
  /** Where the token is kept, in the user's words (the pane remembers it; a browser tab forgets it). */
  note?: string;
  onSignIn: (token: string) => Promise<string | null>;
  /** Asks which methods the server offers; with the city's provider a button signs in with the office account. */
  methods?: () => Promise<SignInMethods | null>;
  onProviderSignIn?: () => Promise<string | null>;
}

/** Sign-in with the personal token issued by the MOPS server. */
export function SignIn({ message, note, onSignIn, methods, onProviderSignIn }: SignInProps) {
  const styles = useStyles();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [provider, setProvider] = useState<{ label: string } | null>(null);
  const [providerError, setProviderError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void methods?.().then((m) => { if (live) setProvider(m?.oidc ?? null); });
    return () => { live = false; };
  }, [methods]);

  async function handleProvider() {
    if (!onProviderSignIn) return;
    setBusy(true);
    setProviderError(await onProviderSignIn());
    setBusy(false);
  }

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
      {message && (
        <MessageBar intent="warning"><MessageBarBody>{message}</MessageBarBody></MessageBar>
      )}
      {provider && onProviderSignIn && (
        <>
          <Button appearance="primary" type="button" disabled={busy} onClick={() => void handleProvider()}>{MSG.signIn.button(provider.label)}</Button>
          {providerError && <MessageBar intent="error"><MessageBarBody>{providerError}</MessageBarBody></MessageBar>}
          <Text weight="semibold">{MSG.signIn.orToken}</Text>
        </>
      )}
      <Text>{note ?? MSG.pane.signInIntro}</Text>
      <Field label={MSG.pane.tokenLabel} required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" />
      </Field>
      <Button appearance={provider && onProviderSignIn ? 'secondary' : 'primary'} type="submit" disabled={busy}>{busy ? MSG.pane.signingIn : MSG.pane.signIn}</Button>
    </form>
  );
}
