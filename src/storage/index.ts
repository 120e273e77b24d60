import os from 'node:os';
import path from 'node:path';
import type { Store, OpenOptions } from './store.js';
import { migrate } from './migrate.js';
import type { LoadReport } from './load.js';
import { readBundleVersion } from '../dataset/bundle.js';

export type { Store, Queryable, OpenOptions } from './store.js';

/** Per-user data directory: TECHFENCE_DATA_DIR, else the platform's usual place. */
export function defaultDataDir(): string {
  if (process.env.TECHFENCE_DATA_DIR) return process.env.TECHFENCE_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'techfence', 'pgdata');
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'techfence', 'pgdata');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'techfence', 'pgdata');
}

/** Open the configured store: the server at DATABASE_URL, or embedded PGlite. Engines are imported on demand. */
export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const url = opts.url ?? (opts.dataDir ? undefined : process.env.DATABASE_URL);
  if (url) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(url, opts.schema);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(opts.dataDir ?? defaultDataDir());
}

/**
 * Make a store ready for queries: migrations applied, the bundled dataset loaded if the database holds another
 * version. A cold start on an up-to-date database costs two small queries.
 */
export async function ensureReady(store: Store, opts: { bundleFile?: string } = {}): Promise<LoadReport | undefined> {
  await migrate(store);
  const want = readBundleVersion(opts.bundleFile);
  const have = (await store.query<{ value: string }>(`select value from kb_meta where key = 'dataset_version'`))[0]?.value;
  if (have === want) return undefined;
  // The loader (and the validators it uses) is only imported when there is something to load: a cold query skips it.
  const [{ loadBundle }, { readBundle }] = await Promise.all([import('./load.js'), import('../dataset/bundle.js')]);
  return loadBundle(store, readBundle(opts.bundleFile));
}

export async function openReady(opts: OpenOptions = {}): Promise<Store> {
  const store = await openStore(opts);
  try {
    await ensureReady(store);
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
  return store;
}
