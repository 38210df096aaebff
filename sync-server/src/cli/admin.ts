/**
 * Admin CLI: users, tokens, years. Uses the same database as the server (DATABASE_URL, or the
 * PGlite data dir PWR_DATA_DIR — under its lock: while a server holds it, the CLI stops with a
 * Polish message naming that process, having changed nothing).
 *
 *   npm run admin -- user add <id> --name "<name>" --role <unit_reporter|reviewer|manager|admin> [--unit <code>]
 *   npm run admin -- user disable <id>
 *   npm run admin -- token issue <userId> [--label <text>]
 *   npm run admin -- token revoke <hash prefix from `list`>
 *   npm run admin -- list
 *   npm run admin -- year set <year> [--status open|closed] [--deadline YYYY-MM-DD]
 *   npm run admin -- prune-idempotency [--days 30]
 */
import { parseArgs } from 'node:util';
import { loadSeed } from '@pwr-sync/seeds';
import { OrgUnitCodeSchema, RoleSchema } from '@pwr-sync/shared';
import { loadConfigOrExit } from '../config.ts';
import {
  DataDirLockedError, disableUser, getOrgUnit, getYear, importSeed, listTokens, listUsers, migrate, openDb, pruneIdempotencyKeys, revokeToken, updateYear, upsertUser, type Db,
} from '../storage/index.ts';
import { issueToken } from '../auth/tokens.ts';

const USAGE = `Użycie:
  user add <id> --name "<nazwa>" --role <unit_reporter|reviewer|manager|admin> [--unit <kod jednostki>]
  user disable <id>
  token issue <userId> [--label <opis>]
  token revoke <początek skrótu z "list">
  list
  year set <rok> [--status open|closed] [--deadline RRRR-MM-DD]
  prune-idempotency [--days 30]`;

class UsageError extends Error {}

async function run(db: Db, argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, label: { type: 'string' }, status: { type: 'string' }, deadline: { type: 'string' }, days: { type: 'string' } },
  });
  const [cmd, sub, arg] = positionals;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  switch (`${cmd} ${sub ?? ''}`.trim()) {
    case 'user add': {
      if (!arg || !values.name || !values.role) throw new UsageError('user add wymaga <id>, --name i --role');
      const role = RoleSchema.parse(values.role);
      const unit = values.unit ? OrgUnitCodeSchema.parse(values.unit) : null;
      if ((role === 'unit_reporter') !== (unit !== null)) throw new UsageError('--unit podaje się dokładnie dla roli unit_reporter');
      if (unit && !(await getOrgUnit(db, unit))) throw new UsageError(`nie ma jednostki ${unit}`);
      const user = await upsertUser(db, { id: arg, name: values.name, role, orgUnitCode: unit });
      out(`użytkownik ${user.id} (${user.role}${user.orgUnitCode ? `, ${user.orgUnitCode}` : ''}) zapisany`);
      return;
    }
    case 'user disable':
      if (!arg) throw new UsageError('user disable wymaga <id>');
      out((await disableUser(db, arg)) ? `użytkownik ${arg} wyłączony, tokeny unieważnione` : `brak aktywnego użytkownika ${arg}`);
      return;
    case 'token issue': {
      if (!arg) throw new UsageError('token issue wymaga <userId>');
      const token = await issueToken(db, arg, values.label ?? 'cli').catch((e: unknown) => {
        throw new UsageError(`nie można wydać tokenu dla ${arg}: ${(e as Error).message}`);
      });
      out(token);
      process.stderr.write('Token pokazany jest tylko raz — przekaż go użytkownikowi bezpiecznym kanałem.\n');
      return;
    }
    case 'token revoke': {
      if (!arg) throw new UsageError('token revoke wymaga początku skrótu tokenu (min. 8 znaków)');
      out(`unieważniono tokenów: ${await revokeToken(db, arg)}`);
      return;
    }
    case 'list': {
      for (const u of await listUsers(db)) out(`${u.disabled ? '✗' : '✓'} ${u.id.padEnd(28)} ${u.role.padEnd(13)} ${(u.orgUnitCode ?? '').padEnd(14)} tokeny: ${u.activeTokens}  ${u.name}`);
      out('');
      for (const t of await listTokens(db)) out(`${t.hashPrefix}  ${t.userId.padEnd(28)} ${t.label.padEnd(8)} ${t.createdAt}${t.revokedAt ? `  unieważniony ${t.revokedAt}` : ''}`);
      return;
    }
    case 'year set': {
      const year = Number(arg);
      if (!Number.isInteger(year) || !(await getYear(db, year))) throw new UsageError(`nie ma roku ${arg}`);
      if (values.status && values.status !== 'open' && values.status !== 'closed') throw new UsageError('--status open|closed');
      if (values.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(values.deadline)) throw new UsageError('--deadline RRRR-MM-DD');
      const y = await updateYear(db, year, {
        ...(values.status ? { status: values.status as 'open' | 'closed' } : {}),
        ...(values.deadline ? { deadline: values.deadline } : {}),
      });
      out(JSON.stringify(y));
      return;
    }
    case 'prune-idempotency': {
      const days = Number(values.days ?? 30);
      if (!Number.isInteger(days) || days < 0) throw new UsageError(`--days: podaj liczbę całkowitą dni ≥ 0, nie „${values.days}”`);
      out(`usunięto kluczy: ${await pruneIdempotencyKeys(db, days)}`);
      return;
    }
    case 'help':
      out(USAGE);
      return;
    default:
      throw new UsageError(cmd ? `nieznane polecenie: ${positionals.join(' ')}` : 'brak polecenia');
  }
}

const config = loadConfigOrExit();
const db = await openDb(config, 'polecenie administracyjne (npm run admin)').catch((err: unknown) => {
  if (!(err instanceof DataDirLockedError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
try {
  await migrate(db);
  if (config.seedOnStart) await importSeed(db, loadSeed());
  await run(db, process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof UsageError ? `Błąd: ${err.message}\n\n${USAGE}` : err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
} finally {
  await db.close();
}
