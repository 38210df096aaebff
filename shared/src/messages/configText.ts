/**
 * Messages of the server's start-up configuration (sync-server/src/config/envSchema.ts): each names
 * the variable, says what is wrong and gives an example, for the city's IT reading a failed start.
 * Part of MSG (catalogue.ts) as MSG.config.
 */
const q = (s: string | number): string => `„${s}”`;

export const configText = {
  headline: 'Błędna konfiguracja serwera pwr-sync — popraw zmienne środowiskowe lub plik .env:',
  /** Appended to a message about a setting whose value is not secret. */
  given: (value: string) => ` (ustawiono: ${q(value)})`,
  integer: (name: string, min: number, max: number) => `${name} musi być liczbą całkowitą od ${min} do ${max}`,
  tooLong: (name: string, max: number) => `${name} jest za długi (najwyżej ${max} znaków)`,
  notUrl: (name: string) => `${name} musi być adresem URL, np. https://pwr.example.krakow.pl`,
  scheme: (name: string, httpsOnly: boolean) => `${name} musi zaczynać się od ${httpsOnly ? 'https://' : 'http:// lub https://'}`,
  originOnly: (name: string) => `${name} to sam adres serwera, bez ścieżki i parametrów (np. https://pwr.example.krakow.pl)`,
  trustProxy: (bad: string) => `PWR_TRUST_PROXY: nierozpoznane ${q(bad)} — podaj liczbę serwerów pośredniczących (np. 1), adresy lub podsieci (np. 127.0.0.1 albo 10.0.0.0/8) lub loopback`,
  mode: 'PWR_MODE musi mieć wartość demo albo production',
  host: 'HOST musi być adresem IP lub nazwą hosta, np. 127.0.0.1',
  databaseUrl: 'DATABASE_URL musi zaczynać się od postgres:// lub postgresql://, np. postgres://pwr:hasło@localhost/pwr',
  allowedOrigin: (origin: string) => `PWR_ALLOWED_ORIGINS: ${q(origin)} nie jest adresem serwera (np. https://localhost:3001)`,
  bodyLimit: 'PWR_BODY_LIMIT musi mieć postać liczby z jednostką b, kb lub mb, np. 1mb',
  seed: 'PWR_SEED musi mieć wartość 0 albo 1',
  https: 'PWR_HTTPS przyjmuje tylko wartość dev (certyfikat z npm run certs -w addin)',
  logLevel: (levels: readonly string[]) => `PWR_LOG_LEVEL musi mieć jedną z wartości: ${levels.join(', ')}`,
  tlsPair: 'PWR_TLS_CERT i PWR_TLS_KEY podaje się razem (plik certyfikatu i plik klucza)',
  demoInProduction: 'PWR_MODE=demo nie jest dozwolony przy NODE_ENV=production: tryb demonstracyjny tworzy tokeny, które zna każdy',
  databaseRequired: 'DATABASE_URL jest wymagany w trybie produkcyjnym: serwer przechowuje dane w PostgreSQL (np. postgres://pwr:hasło@localhost/pwr); wbudowana baza PGlite służy tylko do prób',
  publicUrlRequired: 'PWR_PUBLIC_URL jest wymagany w trybie produkcyjnym: publiczny adres serwera, pod którym jednostki otwierają dodatek (np. https://pwr.example.krakow.pl)',
  publicUrlHttps: 'PWR_PUBLIC_URL musi zaczynać się od https:// w trybie produkcyjnym: Excel ładuje dodatki tylko przez HTTPS',
  envFileMissing: (file: string) => `Błędna konfiguracja serwera pwr-sync — PWR_ENV_FILE: nie ma pliku ${file}`,
  envFileUnreadable: (file: string, reason: string) => `Błędna konfiguracja serwera pwr-sync — nie można odczytać pliku ${file}: ${reason}`,
} as const;
