import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../dataset/paths.js';
import type { Store } from './store.js';

export const migrationsDir = path.join(packageRoot, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Apply pending migrations, each in its own transaction, under an advisory lock so two processes starting
 * against one server do not race. Returns the versions applied now.
 */
export async function migrate(store: Store, migrations = listMigrations()): Promise<number[]> {
  await store.exec('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
  const have = new Set((await store.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
  const pending = migrations.filter((m) => !have.has(m.version));
  if (!pending.length) return [];
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(727001)');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of pending) {
      if (done.has(m.version)) continue;
      try {
        await tx.exec(m.sql);
      } catch (e) {
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
