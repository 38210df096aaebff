/**
 * Texts of signing in, sessions and the users page (issue 14): API refusals, the pane's and the
 * browser's sign-in, the admin's users page, the audit. Part of MSG (catalogue.ts) as MSG.auth.
 */
import { formatWarsawTime } from '../format/warsawTime.ts';

const q = (s: string | number): string => `„${s}”`;

/** Minutes as Polish text without a plural table: "45 min", "2 godz.", "1 godz. 30 min". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} godz.` : '', m > 0 || h === 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}

export const authText = {
  // — refusals (401 unless said otherwise) —
  tokenUnknown: 'Nieznany token — sprawdź, czy wklejono go w całości, albo poproś administratora MOPS o nowy.',
  tokenExpired: (expiredAt: string) => `Token wygasł ${formatWarsawTime(expiredAt)} — poproś administratora MOPS o nowy token.`,
  tokenRevoked: 'Ten token został unieważniony przez administratora — poproś administratora MOPS o nowy.',
  userDisabled: 'Konto zostało wyłączone przez administratora — skontaktuj się z MOPS.',
  sessionIdle: (idleMinutes: number) => `Sesja wygasła po ${durationText(idleMinutes)} bez aktywności — zaloguj się ponownie.`,
  sessionMaxAge: (maxMinutes: number) => `Sesja wygasła: trwała już ${durationText(maxMinutes)}, najdłużej, jak pozwala serwer — zaloguj się ponownie.`,
  sessionEnded: 'Sesja została zakończona (wylogowanie lub decyzja administratora) — zaloguj się ponownie.',
  bearerExpired: 'Sesja panelu wygasła, bo panel długo nie łączył się z serwerem — zaloguj się ponownie.',
  csrfMissing: 'Żądanie odrzucone: brak tokenu CSRF (nagłówek X-CSRF-Token) albo jest nieaktualny — odśwież stronę i spróbuj ponownie.',
  crossSite: (origin: string) => `Żądanie wysłane z innej witryny (${origin}) zostało odrzucone — otwórz aplikację pod adresem serwera sprawozdań.`,
  renewOnlyPane: 'Odnawia się tylko sesję panelu w Excelu; sesja przeglądarki przedłuża się sama przy każdym żądaniu.',
  noSession: 'To żądanie dotyczy sesji, a wysłano sam token — najpierw zaloguj się (POST /api/auth/sign-in).',
  // — the users page's refusals —
  userIdChars: 'podaj od 2 do 64 znaków: litery bez polskich znaków, cyfry, kropkę, myślnik lub podkreślenie, zaczynając od litery lub cyfry, np. anna.nowak',
  reporterNeedsUnit: 'sprawozdawca jednostki musi mieć przypisaną jednostkę — wybierz ją',
  unitOnlyForReporter: 'jednostkę przypisuje się tylko sprawozdawcy jednostki — usuń ją albo zmień rolę',
  noSuchDate: 'nie ma takiego dnia — podaj datę w postaci RRRR-MM-DD, np. 2026-12-31',
  userExists: (id: string) => `Użytkownik ${q(id)} już istnieje — wybierz inny identyfikator.`,
  noUser: (id: string) => `Nie ma użytkownika ${q(id)}.`,
  noToken: (id: string) => `Użytkownik nie ma tokenu ${q(id)}.`,
  noSessionOf: (id: string) => `Użytkownik nie ma aktywnej sesji ${q(id)}.`,
  notYourself: 'Nie możesz wyłączyć własnego konta — poproś o to innego administratora.',
  disabledNoToken: (id: string) => `Konto ${q(id)} jest wyłączone — włącz je, zanim wydasz token.`,
  expiryPast: (date: string) => `Data ważności (${date}) już minęła — podaj przyszłą datę.`,
  expiryTooFar: (date: string, latest: string) => `Data ważności (${date}) jest za odległa — token może być ważny najdłużej do ${latest}.`,

  // — sign-in, pane and browser —
  workKept: 'Niewysłane zmiany zostały w arkuszu — po zalogowaniu kliknij Synchronizuj.',
  sessionUntil: (at: string) => `Sesja ważna najdłużej do ${formatWarsawTime(at)}`,

  // — the users page —
  usersTitle: 'Użytkownicy i tokeny',
  usersIntro: 'Dodawaj osoby, wydawaj im tokeny z datą ważności, wyłączaj konta. Wyłączenie konta natychmiast kończy jego sesje i unieważnia tokeny.',
  navReview: 'Sprawozdania',
  navUsers: 'Użytkownicy',
  addUser: 'Dodaj użytkownika',
  userId: 'Identyfikator (login)',
  userIdHint: 'np. anna.nowak — litery, cyfry, kropka, myślnik',
  userName: 'Imię i nazwisko lub nazwa',
  role: 'Rola',
  unit: 'Jednostka',
  chooseUnit: 'Wybierz jednostkę',
  save: 'Dodaj',
  userAdded: (id: string) => `Dodano użytkownika ${q(id)}. Wydaj token, aby ta osoba mogła się zalogować.`,
  filter: 'Szukaj (login, nazwa, jednostka)',
  colUser: 'Użytkownik',
  colRole: 'Rola i jednostka',
  colLastSignIn: 'Ostatnie logowanie',
  colSessions: 'Aktywne sesje',
  colTokens: 'Tokeny',
  colState: 'Stan',
  never: 'nigdy',
  active: 'aktywny',
  disabled: 'wyłączony',
  disable: 'Wyłącz',
  cancel: 'Anuluj',
  enable: 'Włącz',
  confirmDisable: (name: string) => `Wyłączyć konto ${q(name)}? Jego sesje skończą się od razu, a tokeny zostaną unieważnione.`,
  userDisabledDone: (id: string) => `Konto ${q(id)} wyłączono; jego sesje zakończono.`,
  userEnabledDone: (id: string) => `Konto ${q(id)} włączono — wydaj nowy token.`,
  details: 'Szczegóły',
  hide: 'Zwiń',
  tokensOf: (name: string) => `Tokeny: ${name}`,
  issueToken: 'Wydaj token',
  tokenLabel: 'Opis tokenu (np. laptop, sekretariat)',
  tokenExpiresOn: 'Ważny do (włącznie)',
  tokenIssued: 'Nowy token — skopiuj go teraz i przekaż osobie bezpiecznym kanałem; nie zostanie pokazany ponownie.',
  copy: 'Kopiuj',
  copied: 'Skopiowano',
  revoke: 'Unieważnij',
  tokenRevokedDone: (id: string) => `Unieważniono token ${id}.`,
  tokenState: (active: boolean, revoked: boolean) => (active ? 'ważny' : revoked ? 'unieważniony' : 'wygasły'),
  tokenLine: (label: string, expiresAt: string) => `${label || 'bez opisu'} · ważny do ${formatWarsawTime(expiresAt)}`,
  tokenLastUsed: (at: string | null) => (at ? `ostatnio użyty ${formatWarsawTime(at)}` : 'jeszcze nieużywany'),
  noTokens: 'Brak tokenów.',
  sessionsOf: 'Aktywne sesje',
  noSessions: 'Brak aktywnych sesji.',
  sessionLine: (client: 'browser' | 'pane', ip: string | null, createdAt: string, lastSeenAt: string) =>
    `${client === 'pane' ? 'panel w Excelu' : 'przeglądarka'} · ${ip ?? 'adres nieznany'} · od ${formatWarsawTime(createdAt)}, ostatnio ${formatWarsawTime(lastSeenAt)}`,
  endSession: 'Zakończ sesję',
  auditTitle: 'Dziennik logowań i zmian',
  auditEmpty: 'Brak wpisów.',
  auditLine: (event: string, userId: string | null, actorId: string | null, ip: string | null) =>
    `${event}${userId ? ` — ${userId}` : ''}${actorId && actorId !== userId ? ` (przez ${actorId})` : ''}${ip ? ` · ${ip}` : ''}`,
  event: {
    sign_in: 'logowanie',
    sign_in_failed: 'nieudane logowanie',
    sign_out: 'wylogowanie',
    session_ended: 'sesja zakończona przez administratora',
    user_added: 'dodano użytkownika',
    user_disabled: 'wyłączono konto',
    user_enabled: 'włączono konto',
    token_issued: 'wydano token',
    token_revoked: 'unieważniono token',
    user_sign_in_changed: 'zmieniono sposób logowania',
  },
  loadFailed: 'Nie udało się wczytać listy użytkowników.',

  // — CLI —
  cliExpiresFormat: '--expires: podaj datę w postaci RRRR-MM-DD, np. 2026-12-31',
  cliListToken: (prefix: string, userId: string, label: string, createdAt: string, expiresAt: string, revokedAt: string | null) =>
    `${prefix}  ${userId.padEnd(28)} ${label.padEnd(8)} ${createdAt}  ważny do ${expiresAt}${revokedAt ? `  unieważniony ${revokedAt}` : ''}`,
  cliTokenValidUntil: (at: string) => `Token ważny do ${formatWarsawTime(at)}.`,
  demoValidUntil: (at: string) => `Tokeny demonstracyjne są ważne do ${formatWarsawTime(at)}; następny start po tej dacie wyda nowe.`,
} as const;
