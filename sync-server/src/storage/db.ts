/**
 * The storage adapter: the only way the server talks SQL. Two implementations — the embedded
 * PGlite (one process, a data directory) and a pg Pool on a real PostgreSQL server — behind
 * one interface, so repositories and tests run unchanged on both.
 *
 * Parameters: pass JSON as a string and cast it in SQL (`$1::text::jsonb`) — pg turns JS arrays
 * into PostgreSQL arrays and PGlite serialises by the parameter's inferred type, so a string
 * with an explicit text cast is the one form both drivers agree on.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE of a driver error, if any. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';
