import pg from 'pg';
import type { Store, Queryable } from './store.js';

/** The server URL for messages: never print a password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function openPostgres(url: string, schema?: string): Promise<Store> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema name "${schema}" is not a plain identifier`);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  if (schema) {
    // Every connection of the pool works inside the schema (tests get one each; it is created on first use).
    pool.on('connect', (c) => {
      c.query(`set search_path to ${schema}`).catch(() => undefined);
    });
  }
  try {
    const c = await pool.connect();
    try {
      if (schema) {
        await c.query(`create schema if not exists ${schema}`);
        await c.query(`set search_path to ${schema}`);
      }
    } finally {
      c.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  const query = async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params as unknown[])).rows as T[];
  return {
    kind: 'postgres',
    location: redactUrl(url),
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const q: Queryable = {
          query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params as unknown[])).rows as T[],
          exec: async (sql: string) => {
            await c.query(sql);
          },
        };
        const out = await fn(q);
        await c.query('commit');
        return out;
      } catch (e) {
        await c.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
