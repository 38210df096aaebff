/**
 * Admin CLI: users, tokens, years. Uses the same database as the server (DATABASE_URL, or the
 * PGlite data dir PWR_DATA_DIR — under its lock: while a server holds it, the CLI stops with a
 * Polish message naming that process, having changed nothing).
 *
 *   npm run admin -- user add <id> --name "<name>" --role <unit_reporter|reviewer|manager|admin> [--unit <code>]
 *   npm run admin -- user disable <id>
 *   npm run admin -- token issue <userId> [--label <text>] [--expires YYYY-MM-DD]   (default: PWR_TOKEN_DAYS days)
 *   npm run admin -- token revoke <hash prefix from `list`>
 *   npm run admin -- list
 *   npm run admin -- year set <year> [--status open|closed] [--deadline YYYY-MM-DD]
 *   npm run admin -- prune-idempotency [--days 30]
 */
import { parseArgs } from 'node:util';
import { loadSeed } from '@pwr-sync/seeds';
import { MSG, OrgUnitCodeSchema, RoleSchema } from '@pwr-sync/shared';
import { loadConfigOrExit } from '../config.ts';
import {
  DataDirLockedError, disableUser, getOrgUnit, getYear, importSeed, listTokens, listUsers, migrate, openDb, pruneIdempotencyKeys, recordAuthEvent, revokeToken, updateYear, upsertUser, type Db,
} from '../storage/index.ts';
import { endOfWarsawDay, issueToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';

/** The audit's actor for changes made from the command line. */
const CLI_ACTOR = 'cli';

const USAGE = MSG.cli.adminUsage;

class UsageError extends Error {}

async function run(db: Db, config: Config, argv: string[]): Promise<void> {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args: argv, allowPositionals: true,
      options: { name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, label: { type: 'string' }, expires: { type: 'string' }, status: { type: 'string' }, deadline: { type: 'string' }, days: { type: 'string' } },
    });
  } catch (err) {
    // node's own text is English ("Unknown option '--x'"); only the option it names is kept.
    throw new UsageError(MSG.cli.badOption(/'([^']+)'/.exec((err as Error).message)?.[1] ?? argv.join(' ')));
  }
  const { positionals, values } = parsedArgs;
  const [cmd, sub, arg] = positionals;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const audit = (event: string, userId: string | null, detail = '') => recordAuthEvent(db, { at: new Date(), event, userId, actorId: CLI_ACTOR, detail });
  switch (`${cmd} ${sub ?? ''}`.trim()) {
    case 'user add': {
      if (!arg || !values.name || !values.role) throw new UsageError(MSG.cli.userAddNeeds);
      const roleParsed = RoleSchema.safeParse(values.role);
      if (!roleParsed.success) throw new UsageError(MSG.cli.unknownRole(values.role, RoleSchema.options));
      const role = roleParsed.data;
      if (values.unit && !OrgUnitCodeSchema.safeParse(values.unit).success) throw new UsageError(MSG.cli.badUnitCode(values.unit));
      const unit = values.unit ?? null;
      if ((role === 'unit_reporter') !== (unit !== null)) throw new UsageError(MSG.cli.unitOnlyForReporter);
      if (unit && !(await getOrgUnit(db, unit))) throw new UsageError(MSG.cli.noUnit(unit));
      const user = await upsertUser(db, { id: arg, name: values.name, role, orgUnitCode: unit });
      await audit('user_added', user.id, `${user.role}${user.orgUnitCode ? ` ${user.orgUnitCode}` : ''}`);
      out(MSG.cli.userSaved(user.id, user.role, user.orgUnitCode));
      return;
    }
    case 'user disable':
      if (!arg) throw new UsageError(MSG.cli.userDisableNeeds);
      if (await disableUser(db, arg)) {
        await audit('user_disabled', arg);
        out(MSG.cli.userDisabled(arg));
      } else out(MSG.cli.noActiveUser(arg));
      return;
    case 'token issue': {
      if (!arg) throw new UsageError(MSG.cli.tokenIssueNeeds);
      if (values.expires && !/^\d{4}-\d{2}-\d{2}$/.test(values.expires)) throw new UsageError(MSG.auth.cliExpiresFormat);
      const expiresAt = values.expires ? endOfWarsawDay(values.expires) : new Date(Date.now() + config.tokenDays * 86_400_000);
      if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()) throw new UsageError(MSG.auth.expiryPast(values.expires ?? ''));
      const label = values.label ?? 'cli';
      const token = await issueToken(db, arg, { label, expiresAt }).catch((e: unknown) => {
        throw new UsageError(MSG.cli.cannotIssue(arg, (e as Error).message));
      });
      await audit('token_issued', arg, `${label} → ${expiresAt.toISOString()}`);
      out(token);
      process.stderr.write(`${MSG.auth.cliTokenValidUntil(expiresAt.toISOString())}\n${MSG.cli.tokenShownOnce}\n`);
      return;
    }
    case 'token revoke': {
      if (!arg) throw new UsageError(MSG.cli.tokenRevokeNeeds);
      const revoked = await revokeToken(db, arg);
      if (revoked > 0) await audit('token_revoked', null, arg);
      out(MSG.cli.tokensRevoked(revoked));
      return;
    }
    case 'list': {
      for (const u of await listUsers(db)) out(MSG.cli.listUser(!u.disabled, u.id, u.role, u.orgUnitCode ?? '', u.activeTokens, u.name));
      out('');
      for (const t of await listTokens(db)) out(MSG.auth.cliListToken(t.hashPrefix, t.userId, t.label, t.createdAt, t.expiresAt, t.revokedAt));
      return;
    }
    case 'year set': {
      const year = Number(arg);
      if (!Number.isInteger(year) || !(await getYear(db, year))) throw new UsageError(MSG.cli.noYear(arg));
      // a phase moves only through the audited move (admin page or POST /api/years/:year/phase)
      if (values.status) throw new UsageError(MSG.cli.statusValues);
      if (values.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(values.deadline)) throw new UsageError(MSG.cli.deadlineFormat);
      const y = await updateYear(db, year, {
        ...(values.deadline ? { deadline: values.deadline } : {}),
      });
      out(JSON.stringify(y));
      return;
    }
    case 'prune-idempotency': {
      const days = Number(values.days ?? 30);
      if (!Number.isInteger(days) || days < 0) throw new UsageError(MSG.cli.daysWhole(values.days));
      out(MSG.cli.keysPruned(await pruneIdempotencyKeys(db, days)));
      return;
    }
    case 'help':
      out(USAGE);
      return;
    default:
      throw new UsageError(cmd ? MSG.cli.unknownCommand(positionals.join(' ')) : MSG.cli.noCommand);
  }
}

const config = loadConfigOrExit();
const db = await openDb(config, MSG.cli.process.admin).catch((err: unknown) => {
  if (!(err instanceof DataDirLockedError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
try {
  await migrate(db);
  if (config.seedOnStart) await importSeed(db, loadSeed());
  await run(db, config, process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof UsageError ? `${MSG.cli.error(err.message)}\n\n${USAGE}` : err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
} finally {
  await db.close();
}
