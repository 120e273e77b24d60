/**
 * One storage interface, two engines speaking the same PostgreSQL dialect: embedded PGlite (default, a data
 * directory per user) and a PostgreSQL server (DATABASE_URL). Queries are written once, against `Queryable`.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (a directory, or the server URL without its password). */
  readonly location: string;
  /** Run fn in one transaction: everything it wrote is kept, or nothing is. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL server URL; when set, the server is used instead of PGlite. */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throwaway database. */
  dataDir?: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  schema?: string;
}
