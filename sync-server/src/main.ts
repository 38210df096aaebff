/**
 * Starts the sync server.
 * 1. read the environment (config.ts); 2. open the database (PGlite data dir or DATABASE_URL);
 * 3. migrate, and seed from @pwr-sync/seeds when empty; 4. demo mode: demo users and tokens,
 * printed and written to .data/demo-tokens.json; 5. listen (HTTPS when a certificate is configured,
 * as Office requires for add-ins); SIGTERM/SIGINT close cleanly.
 */
import { MSG } from '@pwr-sync/shared';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadSeed } from '@pwr-sync/seeds';
import { loadConfigOrExit } from './config.ts';
import { createApp } from './app.ts';
import { newLifecycle } from './lifecycle.ts';
import { createLogger } from './log.ts';
import { startRetention } from './commands/retention.ts';
import { DataDirLockedError, importSeed, migrate, openDb } from './storage/index.ts';
import { ensureDemoTokens } from './commands/demoTokens.ts';
import { answerClientErrors } from './http/clientErrors.ts';
import { DEFAULT_UPLOAD_POOL, UploadPool } from './workbook/uploadPool.ts';

const config = loadConfigOrExit();
const log = await createLogger({ level: config.logLevel, dir: config.logDir, retentionDays: config.retentionDays });
const t0 = Date.now();
const db = await openDb(config, MSG.cli.process.server).catch((err: unknown) => {
  if (!(err instanceof DataDirLockedError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
const applied = await migrate(db);
const seeded = config.seedOnStart ? await importSeed(db, loadSeed()) : false;
log({ category: 'storage', msg: 'database ready', db: db.kind, dataDir: config.databaseUrl ? null : config.dataDir, migrations: applied, seeded, ms: Date.now() - t0 });

if (config.mode === 'demo') {
  const tokens = await ensureDemoTokens(db, config.demoTokensFile);
  const lines = tokens.filter((t) => t.role !== 'unit_reporter' || t === tokens.find((x) => x.role === 'unit_reporter'));
  process.stderr.write([
    '',
    MSG.cli.demoHeader,
    ...lines.map((t) => `  ${t.role.padEnd(13)} ${(t.orgUnitCode ?? '').padEnd(14)} ${t.token}`),
    MSG.cli.demoMore(tokens.filter((t) => t.role === 'unit_reporter').length),
    MSG.cli.demoFile(config.demoTokensFile),
    MSG.auth.demoValidUntil(tokens.map((t) => t.expiresAt).sort()[0]!),
    '',
  ].join('\n') + '\n');
}

const lifecycle = newLifecycle();
const uploads = new UploadPool({ ...DEFAULT_UPLOAD_POOL, workers: config.uploadWorkers, queue: config.uploadQueue });
void uploads.warm().then(() => log({ category: 'upload', msg: 'upload workers ready', workers: config.uploadWorkers, queue: config.uploadQueue }));
const app = createApp({ db, config, log, lifecycle, uploads });
const scheme = config.tls ? 'https' : 'http';
const server = config.tls
  ? createHttpsServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, app)
  : createHttpServer(app);
const retention = startRetention(db, config.retentionDays, log);
answerClientErrors(server);
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  log({ category: 'server', msg: 'listening', url: `${scheme}://${config.host}:${port}`, port, mode: config.mode, db: db.kind });
});

/** In-flight requests get this long to finish after a stop signal; then their connections are cut. */
const DRAIN_MS = 15_000;

/**
 * SIGTERM / SIGINT: stop accepting connections, let in-flight requests (saves) finish and answer,
 * then stop the upload workers and close the database (which releases the data directory's lock).
 * A second signal while stopping changes nothing: cutting a save short is what this avoids.
 */
let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  lifecycle.shuttingDown = true;
  retention.stop();
  log({ category: 'server', msg: 'shutting down', signal });
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // keep-alive connections between requests hold close() open: end each as soon as it is idle
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const cut = await Promise.race([drained.then(() => false), new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), DRAIN_MS); })]);
  clearInterval(idle);
  clearTimeout(timer);
  if (cut) {
    log({ level: 'warn', category: 'server', msg: 'requests still running after the drain time; connections closed', drainMs: DRAIN_MS });
    server.closeAllConnections();
  }
  await uploads.close();
  await db.close().catch((err: unknown) => log({ level: 'error', category: 'storage', msg: 'closing the database failed', error: String(err) }));
  log({ category: 'server', msg: 'stopped', signal });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
