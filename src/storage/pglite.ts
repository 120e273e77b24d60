import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Store, Queryable } from './store.js';

export async function openPglite(dataDir: string): Promise<Store> {
  const memory = dataDir === 'memory://';
  if (!memory) mkdirSync(dataDir, { recursive: true });
  let db: PGlite;
  try {
    db = await PGlite.create(memory ? undefined : dataDir);
  } catch (e) {
    throw new Error(`cannot open the embedded database in ${dataDir}: ${(e as Error).message}`);
  }
  const query = async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params as unknown[])).rows;
  return {
    kind: 'pglite',
    location: dataDir,
    query,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const q: Queryable = {
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params as unknown[])).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        };
        return fn(q);
      }),
    close: () => db.close(),
  };
}
