/** The JSON logs: pino lines with level names, secrets and report contents censored, daily files with retention. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, pruneLogFiles } from './log.ts';
import { startRetention } from './commands/retention.ts';
import { createTestDb } from '../test/harness.ts';
import { saveIdempotencyKey } from './storage/index.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { lines.push(...chunk.toString().split('\n').filter(Boolean)); cb(); } });
  return { lines, stream };
}

describe('logs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-logs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one JSON object per line with the level by name, the fields in the order given', async () => {
    const { lines, stream } = capture();
    const log = await createLogger({ level: 'info', dir: null, retentionDays: 30, stdout: stream });
    log({ category: 'server', msg: 'listening', url: 'http://127.0.0.1:3000' });
    log({ level: 'warn', category: 'retention', msg: 'pruning failed' });
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ level: 'info', category: 'server', msg: 'listening', url: 'http://127.0.0.1:3000', pid: process.pid });
    expect(lines[0]).toContain('"msg":"listening","url":"http://127.0.0.1:3000"'); // what process supervisors and tests wait for
    expect(Date.parse(first.time)).not.toBeNaN();
    expect(second.level).toBe('warn');
  });

  it('PWR_LOG_LEVEL=warn drops info lines', async () => {
    const { lines, stream } = capture();
    const log = await createLogger({ level: 'warn', dir: null, retentionDays: 30, stdout: stream });
    log({ msg: 'routine' });
    log({ level: 'error', msg: 'broken' });
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['broken']);
  });

  it('tokens and report contents never reach a line, even when a caller passes them', async () => {
    const { lines, stream } = capture();
    const log = await createLogger({ level: 'info', dir: null, retentionDays: 30, stdout: stream });
    log({ msg: 'oops', token: 'pwr_secret', authorization: 'Bearer pwr_secret', comment: 'Uwagi jednostki', entries: [{ actual: 5 }], nested: { token: 'pwr_secret', value: 42 } });
    // the value as a JSON value (":42"), not any "42" (a timestamp's milliseconds, a pid)
    expect(lines.join('\n')).not.toMatch(/pwr_secret|Uwagi jednostki|"actual"|:42\b/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ token: '[usunięto]', comment: '[usunięto]', nested: { token: '[usunięto]', value: '[usunięto]' } });
  });

  it('with a log directory, lines also go to a daily file; files older than the retention are deleted', async () => {
    const logDir = path.join(dir, 'files');
    const { stream } = capture();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(logDir);
    writeFileSync(path.join(logDir, 'pwr-sync.2020-01-01.1.log'), '{}\n');
    writeFileSync(path.join(logDir, 'inne.log'), 'not ours\n');
    const log = await createLogger({ level: 'info', dir: logDir, retentionDays: 30, stdout: stream });
    log({ category: 'server', msg: 'listening' });
    const todayPrefix = `pwr-sync.${new Date().toISOString().slice(0, 10)}`;
    const written = () => readdirSync(logDir).filter((n) => n.startsWith(todayPrefix)).map((n) => readFileSync(path.join(logDir, n), 'utf8')).join('');
    // The file stream writes asynchronously: wait (bounded) for the line.
    for (const deadline = Date.now() + 10_000; !written().includes('"msg":"listening"') && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
    const names = readdirSync(logDir).sort();
    expect(names).not.toContain('pwr-sync.2020-01-01.1.log');
    expect(names).toContain('inne.log');
    expect(written()).toContain('"msg":"listening"');
    expect(pruneLogFiles(logDir, 30)).toEqual([]);
  });
});

describe('retention of idempotency keys', () => {
  it('keys older than the retention are forgotten, newer ones kept', async () => {
    const t = await createTestDb('pglite');
    try {
      await t.db.query(`INSERT INTO users (id, name, role) VALUES ('ret', 'Test', 'admin')`);
      await saveIdempotencyKey(t.db, 'ret', 'old-key-1', 'scope', 'hash', { ok: true });
      await saveIdempotencyKey(t.db, 'ret', 'new-key-1', 'scope', 'hash', { ok: true });
      await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '91 days' WHERE key = 'old-key-1'`);
      const { lines } = capture();
      const retention = startRetention(t.db, 90, (e) => lines.push(JSON.stringify(e)));
      retention.stop();
      expect(await retention.runOnce()).toBe(0); // the first run at start already removed it
      const keys = (await t.db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).rows.map((r) => r.key);
      expect(keys).toEqual(['new-key-1']);
      expect(lines.join()).toContain('idempotency keys pruned');
    } finally {
      await t.close();
    }
  });
});
