import type { Queryable } from '../storage/store.js';

export interface HistoryEntry {
  id: number;
  action: 'create' | 'update' | 'delete';
  at: string;
  actor: string;
  dataset_version: string | null;
}

/** Every change to a record, oldest first: what, when, by whom (the dataset version or a user). */
export function historyOf(db: Queryable, id: string): Promise<HistoryEntry[]> {
  return db.query<HistoryEntry>('select id::int as id, action, at::text, actor, dataset_version from history where record_id = $1 order by id', [id]);
}
