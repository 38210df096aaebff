/**
 * Messages of the server's start-up configuration (sync-server/src/config/envSchema.ts): each names
 * the variable, says what is wrong and gives an example, for the city's IT reading a failed start.
 * Part of MSG (catalogue.ts) as MSG.config; the deployment commands' texts as MSG.deploy.
 */
import { counted } from './plural.ts';
import { withCount } from './counted.ts';
import { NOUN } from './words.ts';

const q = (s: string | number): string => `„${s}”`;

export const configText = {
  headline: 'Błędna konfiguracja serwera pwr-sync — popraw zmienne środowiskowe lub plik .env:',
  /** Appended to a message about a setting whose value is not secret. */
  given: (value: string) => ` (ustawiono: ${q(value)})`,
  integer: (name: string, min: number, max: number) => `${name} musi być liczbą całkowitą od ${min} do ${max}`,
  tooLong: withCount((max: number, name: string) => `${name} jest za długi (najwyżej ${counted(max, NOUN.character)})`),
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

/** Answers of the deployment endpoints (health, pane, manifest), and `npm run manifest` and `npm run backup` (sync-server/src/cli/manifest.ts, backup.ts). */
export const deployText = {
  shuttingDown: 'Serwer jest zamykany.',
  migrationsPending: (names: readonly string[]) => `Baza danych nie ma jeszcze migracji ${names.join(', ')}.`,
  paneNotBuilt: 'Panel dodatku nie jest jeszcze zbudowany — odśwież stronę za chwilę (w wersji produkcyjnej buduje go npm run build).',
  badHost: 'Niepoprawny nagłówek Host.',
  manifestUsage: 'Użycie: npm run manifest -- --url https://pwr.example.krakow.pl [--out manifest.xml] [--version 1.2.0.0]',
  manifestUrlMissing: 'Podaj adres serwera: --url https://pwr.example.krakow.pl',
  manifestUrlInvalid: (reason: string, given: string) => `Adres ${reason} (podano: ${q(given)})`,
  manifestVersion: (given: string) => `Wersja --version musi mieć postać od 1 do 4 liczb oddzielonych kropkami, np. 1.2.0.0 (podano: ${q(given)})`,
  manifestWritten: (file: string, origin: string, version: string) => `Zapisano ${file}: dodatek pod adresem ${origin}, wersja ${version}.`,
  manifestFailed: (file: string, reason: string) => `Nie udało się zapisać manifestu ${file}: ${reason}`,
  backupUsage: [
    'Użycie:',
    '  npm run backup -- [--out pwr-pglite-RRRR-MM-DD.tar.gz]        kopia wbudowanej bazy (PWR_DATA_DIR)',
    '  npm run backup -- --restore <kopia.tar.gz> --data-dir <katalog>  odtworzenie kopii do nowego, pustego katalogu',
    'Najpierw zatrzymaj serwer. Bazę PostgreSQL kopiuje się poleceniem pg_dump (docs/deploy.md).',
  ].join('\n'),
  backupSummary: (years: number, versions: number, events: number) => `lata: ${years}, wersje sprawozdań: ${versions}, zdarzenia weryfikacji: ${events}`,
  backupDataDirMissing: 'Podaj katalog nowej bazy: --data-dir <katalog>',
  backupFileMissing: (file: string) => `Nie ma pliku kopii ${file}.`,
  backupTargetNotEmpty: (dir: string) => `Katalog ${dir} nie jest pusty — odtwarzam tylko do nowego katalogu, aby niczego nie nadpisać.`,
  backupRestored: (from: string, to: string, summary: string) => `Odtworzono ${from} do ${to} (${summary}). Uruchom serwer z PWR_DATA_DIR=${to}.`,
  backupOnPostgres: 'Serwer używa PostgreSQL (DATABASE_URL): kopię robi pg_dump — zob. docs/deploy.md, „Kopie zapasowe”.',
  backupNoDatabase: (dir: string) => `Nie ma wbudowanej bazy w ${dir} (PWR_DATA_DIR).`,
  backupWritten: (file: string, summary: string) => `Zapisano kopię ${file} (${summary}).`,
  backupFailed: (file: string, reason: string) => `Nie udało się zapisać kopii ${file}: ${reason}`,
} as const;
