/**
 * Messages of signing in with the city's identity provider (OpenID Connect): the settings the city's
 * IT configures, and the pages a clerk meets when the provider's answer cannot become a session.
 * Part of MSG (catalogue.ts) as MSG.signIn.
 */
export const signInText = {
  // settings (sync-server/src/config/oidcEnv.ts)
  issuerUrl: 'PWR_OIDC_ISSUER musi być adresem dostawcy tożsamości, np. https://login.microsoftonline.com/<id dzierżawy>/v2.0 albo https://sso.krakow.pl/realms/um',
  issuerHttps: 'PWR_OIDC_ISSUER musi zaczynać się od https:// (http:// tylko dla adresów lokalnych, do prób)',
  clientIdRequired: 'PWR_OIDC_CLIENT_ID jest wymagany, gdy ustawiono PWR_OIDC_ISSUER: identyfikator aplikacji zarejestrowanej u dostawcy tożsamości',
  redirectRequired: 'PWR_OIDC_REDIRECT_URL albo PWR_PUBLIC_URL jest wymagany, gdy ustawiono PWR_OIDC_ISSUER: adres powrotu po zalogowaniu musi być znany z góry i zarejestrowany u dostawcy',
  redirectUrl: 'PWR_OIDC_REDIRECT_URL musi być pełnym adresem, np. https://pwr.example.krakow.pl/api/auth/oidc/callback',
  scopesOpenid: 'PWR_OIDC_SCOPES musi zawierać openid, np. openid email profile',
  claimName: (name: string) => `${name} musi być nazwą oświadczenia (claim), np. sub, oid, email lub preferred_username`,
  withoutIssuer: (name: string) => `${name} nie ma znaczenia bez PWR_OIDC_ISSUER — ustaw adres dostawcy tożsamości albo usuń ${name}`,

  // the button and the pages of the sign-in (sync-server/src/routes/auth/oidc.ts)
  defaultLabel: 'kontem miejskim',
  button: (label: string) => `Zaloguj się ${label}`,
  orToken: 'albo tokenem od administratora MOPS',
  pageTitle: 'Logowanie do sprawozdań Programu Wspierania Rodziny',
  backToApp: 'Wróć do strony logowania',
  tryAgain: 'Zaloguj się ponownie',
  closeDialog: 'Zamknij to okno i spróbuj ponownie z panelu w Excelu.',
  unknownTitle: 'Nie masz jeszcze dostępu do sprawozdań',
  unknownBody: (who: string) => `Dostawca tożsamości potwierdził, kim jesteś, ale w pwr-sync nie ma jeszcze konta przypisanego do Ciebie. Konta zakłada i przypisuje do jednostek: ${who}.`,
  unknownWhoDefault: 'administrator programu w MOPS',
  unknownTell: 'Poproś o dostęp i podaj:',
  unknownEmail: (email: string) => `adres e-mail: ${email}`,
  unknownSubject: (subject: string) => `identyfikator konta u dostawcy: ${subject}`,
  unknownUnit: 'nazwę swojej jednostki i to, czy masz wpisywać sprawozdanie (sprawozdawca), czy je weryfikować.',
  disabledTitle: 'Konto jest wyłączone',
  disabledBody: 'Twoje konto w pwr-sync zostało wyłączone przez administratora. Jeśli nadal potrzebujesz dostępu, skontaktuj się z MOPS.',
  expiredTitle: 'Logowanie wygasło',
  expiredBody: 'To logowanie zostało już dokończone albo trwało zbyt długo (ponad 10 minut). Zacznij je od nowa.',
  otherBrowserTitle: 'Logowanie rozpoczęto w innym oknie',
  otherBrowserBody: 'Dokończ logowanie w tej samej przeglądarce, w której je rozpoczęto, albo zacznij od nowa.',
  cancelledTitle: 'Logowanie przerwano',
  cancelledBody: 'Dostawca tożsamości nie potwierdził logowania (przerwano je albo odmówiono dostępu). Możesz spróbować ponownie.',
  failedTitle: 'Nie udało się potwierdzić logowania',
  failedBody: 'Odpowiedź dostawcy tożsamości nie przeszła kontroli bezpieczeństwa albo dostawca jest chwilowo niedostępny. Spróbuj ponownie za chwilę; jeśli to się powtarza, zgłoś to administratorowi MOPS i podaj godzinę.',
  unavailable: 'Logowanie kontem miejskim jest chwilowo niedostępne (brak połączenia z dostawcą tożsamości) — spróbuj za chwilę albo zaloguj się tokenem.',
  notConfigured: 'Logowanie kontem miejskim nie jest włączone na tym serwerze — zaloguj się tokenem.',
  tokenSignInOff: 'Logowanie tokenem jest dla tego konta wyłączone — zaloguj się kontem miejskim.',
  handoffMissing: 'Nie ma sesji do przekazania panelowi (minęła minuta albo już ją odebrano) — zaloguj się ponownie.',
  signedIn: 'Zalogowano. To okno zaraz się zamknie.',
  dialogClosed: 'Zamknięto okno logowania przed jego zakończeniem.',
  dialogBlocked: 'Excel nie otworzył okna logowania — sprawdź, czy nie blokuje go inne okno dialogowe, i spróbuj ponownie.',

  // the users page
  sectionTitle: 'Logowanie kontem miejskim',
  bound: 'Konto miejskie połączone: ta osoba logowała się już kontem miejskim.',
  notBound: (email: string | null) => email
    ? `Konto miejskie połączy się przy pierwszym logowaniu z adresu ${email}.`
    : 'Podaj adres e-mail, którego ta osoba używa w mieście, aby mogła logować się kontem miejskim.',
  emailLabel: 'Adres e-mail w mieście',
  tokenSignInLabel: 'Może też logować się tokenem (np. jednostki spoza miejskiego katalogu)',
  save: 'Zapisz logowanie',
  unbind: 'Odłącz konto miejskie',
  saved: (id: string) => `Zapisano sposób logowania użytkownika „${id}”.`,
  emailInvalid: 'podaj adres e-mail, np. anna.nowak@um.krakow.pl',
  emailTaken: (email: string, other: string) => `Adres ${email} ma już użytkownik „${other}” — jeden adres e-mail może należeć tylko do jednej osoby.`,
  /** The audit's note of a change of sign-in settings (only what changed). */
  auditChange: (email: string | null | undefined, tokenSignIn: boolean | undefined, unbound: boolean) => [
    email !== undefined ? `e-mail: ${email ?? '—'}` : '',
    tokenSignIn !== undefined ? `logowanie tokenem: ${tokenSignIn ? 'tak' : 'nie'}` : '',
    unbound ? 'odłączono konto dostawcy tożsamości' : '',
  ].filter(Boolean).join(', '),
} as const;
