import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, startEnv } from '../config.ts';

const PROD = { NODE_ENV: 'production', DATABASE_URL: 'postgres://pwr:tajne@db.example/pwr', PWR_PUBLIC_URL: 'https://pwr.example.krakow.pl' };

function message(env: NodeJS.ProcessEnv): string {
  try { loadConfig(env); } catch (err) { expect(err).toBeInstanceOf(ConfigError); return (err as Error).message; }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('defaults to demo mode on the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mode: 'demo', port: 3000, host: '127.0.0.1', databaseUrl: null, publicUrl: null, trustProxy: false, retentionDays: 90, logLevel: 'info' });
  });

  it('sessions: a working day by default, each limit settable, a wrong one named', () => {
    expect(loadConfig({}).session).toEqual({ idleMinutes: 120, maxAgeMinutes: 600, bearerMinutes: 15 });
    expect(loadConfig({}).tokenDays).toBe(90);
    expect(loadConfig({ PWR_SESSION_IDLE_MINUTES: '30', PWR_SESSION_MAX_HOURS: '8', PWR_PANE_BEARER_MINUTES: '10', PWR_TOKEN_DAYS: '30' }))
      .toMatchObject({ session: { idleMinutes: 30, maxAgeMinutes: 480, bearerMinutes: 10 }, tokenDays: 30 });
    const msg = message({ PWR_SESSION_IDLE_MINUTES: '0', PWR_SESSION_MAX_HOURS: 'dzień' });
    expect(msg).toContain('PWR_SESSION_IDLE_MINUTES');
    expect(msg).toContain('PWR_SESSION_MAX_HOURS');
  });

  it('production starts with PostgreSQL and a public https address', () => {
    const c = loadConfig(PROD);
    expect(c).toMatchObject({ mode: 'production', host: '0.0.0.0', databaseUrl: PROD.DATABASE_URL, publicUrl: 'https://pwr.example.krakow.pl' });
  });

  it('production refuses to start without PostgreSQL or a public address, naming both', () => {
    const msg = message({ NODE_ENV: 'production' });
    expect(msg).toContain('DATABASE_URL jest wymagany w trybie produkcyjnym');
    expect(msg).toContain('PWR_PUBLIC_URL jest wymagany w trybie produkcyjnym');
  });

  it('PWR_MODE=production alone turns demo tokens off on the embedded database; demo mode is refused in a deployment', () => {
    expect(loadConfig({ PWR_MODE: 'production' })).toMatchObject({ mode: 'production', databaseUrl: null });
    expect(message({ ...PROD, PWR_MODE: 'demo' })).toContain('PWR_MODE=demo nie jest dozwolony przy NODE_ENV=production');
  });

  it('production refuses a public address over plain http (Excel loads add-ins only over HTTPS)', () => {
    expect(message({ ...PROD, PWR_PUBLIC_URL: 'http://pwr.example.krakow.pl' })).toContain('PWR_PUBLIC_URL musi zaczynać się od https://');
  });

  it.each([
    ['PORT', 'abc', 'PORT musi być liczbą całkowitą od 0 do 65535'],
    ['PORT', '70000', 'PORT musi być liczbą całkowitą od 0 do 65535'],
    ['PWR_MODE', 'prod', 'PWR_MODE musi mieć wartość demo albo production'],
    ['PWR_PUBLIC_URL', 'pwr.krakow.pl', 'PWR_PUBLIC_URL musi być adresem URL'],
    ['PWR_PUBLIC_URL', 'https://pwr.krakow.pl/dodatek', 'bez ścieżki'],
    ['PWR_TRUST_PROXY', 'nginx', 'PWR_TRUST_PROXY: nierozpoznane „nginx”'],
    ['PWR_TRUST_PROXY', '10.0.0.0/40', 'PWR_TRUST_PROXY: nierozpoznane „10.0.0.0/40”'],
    ['PWR_RETENTION_DAYS', '0', 'PWR_RETENTION_DAYS musi być liczbą całkowitą od 1 do 3650'],
    ['PWR_LOG_LEVEL', 'verbose', 'PWR_LOG_LEVEL musi mieć jedną z wartości'],
    ['PWR_BODY_LIMIT', 'lots', 'PWR_BODY_LIMIT musi mieć postać'],
    ['PWR_ALLOWED_ORIGINS', 'https://a.pl,localhost', 'PWR_ALLOWED_ORIGINS: „localhost” nie jest adresem serwera'],
  ])('%s=%s is refused with a Polish message naming it and the value', (name, value, expected) => {
    const msg = message({ [name]: value });
    expect(msg).toContain(expected);
    expect(msg).toContain(`(ustawiono: „${value}”)`);
    expect(msg.split('\n')).toHaveLength(2);
  });

  it('a wrong DATABASE_URL is named without repeating its password', () => {
    const msg = message({ DATABASE_URL: 'mysql://pwr:tajne@db/pwr' });
    expect(msg).toContain('DATABASE_URL musi zaczynać się od postgres://');
    expect(msg).not.toContain('tajne');
  });

  it('a certificate without its key is refused', () => {
    expect(message({ PWR_TLS_CERT: '/etc/ssl/pwr.crt' })).toContain('PWR_TLS_KEY: PWR_TLS_CERT i PWR_TLS_KEY podaje się razem');
  });

  it('PWR_TRUST_PROXY takes hop counts, addresses, subnets and Express names', () => {
    expect(loadConfig({ PWR_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ PWR_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ PWR_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ PWR_TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toBe('loopback,10.0.0.0/8,::1');
  });

  describe('.env file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwr-env-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fills in what the environment does not set; the environment wins', () => {
      const file = path.join(dir, 'pwr.env');
      writeFileSync(file, '# ustawienia\nPORT=4100\nPWR_RETENTION_DAYS=30\nPWR_LOG_LEVEL="warn"\n');
      const env = startEnv({ PWR_ENV_FILE: file, PORT: '4200' });
      const c = loadConfig(env);
      expect(c.port).toBe(4200);
      expect(c.retentionDays).toBe(30);
      expect(c.logLevel).toBe('warn');
    });

    it('a named .env file that does not exist stops the start', () => {
      expect(() => startEnv({ PWR_ENV_FILE: path.join(dir, 'brak.env') })).toThrow(/PWR_ENV_FILE: nie ma pliku/);
    });
  });
});
