/**
 * Loading the curated dataset: idempotent, in one transaction, and kind to what users added.
 * - a record new in the bundle is created; one whose content changed is updated; one gone from the bundle is deleted;
 * - a record a user created or edited (origin 'user') is never overwritten by the dataset;
 * - every change is written to `history` with the dataset version as its author.
 */
import { createHash } from 'node:crypto';
import type { Queryable, Store } from './store.js';
import type { KbRecord } from '../model/schema.js';
import { rowsFor, emptyRows, labels, type RecordRows } from './rows.js';
import type { Bundle } from '../dataset/bundle.js';

export function recordHash(rec: KbRecord): string {
  return createHash('sha256').update(JSON.stringify(rec)).digest('hex').slice(0, 24);
}

export interface LoadReport {
  version: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  keptUserEdits: string[];
}

/** Insert rows as one statement per table: a JSON array expanded by jsonb_to_recordset. */
async function insertRows(tx: Queryable, rows: RecordRows): Promise<void> {
  const bulk = async (table: string, cols: string, types: string, data: unknown[]) => {
    if (!data.length) return;
    await tx.query(`insert into ${table} (${cols}) select ${cols} from jsonb_to_recordset($1::jsonb) as x(${types})`, [JSON.stringify(data)]);
  };
  await bulk('names', 'record_id, kind, name, norm', 'record_id text, kind text, name text, norm text', rows.names);
  await bulk('evidence', 'record_id, part, source_id, quote, start_offset, end_offset, note', 'record_id text, part text, source_id text, quote text, start_offset int, end_offset int, note text', rows.evidence);
  await bulk('links', 'from_id, rel, to_id, props', 'from_id text, rel text, to_id text, props jsonb', rows.links);
  await bulk('events', 'id, date_text, precision, date_start, date_end, date_kind, period', 'id text, date_text text, precision text, date_start date, date_end date, date_kind text, period text', rows.events);
  await bulk('figures', 'id, value, unit, qualifier, as_of_text, as_of_start, as_of_end', 'id text, value float8, unit text, qualifier text, as_of_text text, as_of_start date, as_of_end date', rows.figures);
  await bulk('memberships', 'framework_id, member_id, seq, role, from_text, from_start, to_text, to_end', 'framework_id text, member_id text, seq int, role text, from_text text, from_start date, to_text text, to_end date', rows.memberships);
  await bulk('intervals', 'record_id, kind, from_start, to_end', 'record_id text, kind text, from_start date, to_end date', rows.intervals);
}

const DERIVED = ['names', 'evidence', 'links', 'events', 'figures', 'memberships', 'intervals'];
const DERIVED_KEY: Record<string, string> = { names: 'record_id', evidence: 'record_id', links: 'from_id', events: 'id', figures: 'id', memberships: 'framework_id', intervals: 'record_id' };

async function clearDerived(tx: Queryable, ids: string[]): Promise<void> {
  if (!ids.length) return;
  for (const t of DERIVED) await tx.query(`delete from ${t} where ${DERIVED_KEY[t]} = any($1::text[])`, [ids]);
}

/** Write records (create or replace) with their derived rows and history, inside an open transaction. */
export async function writeRecords(
  tx: Queryable,
  recs: KbRecord[],
  opts: { origin: 'dataset' | 'user'; actor: string; version?: string; before?: Map<string, unknown> },
): Promise<void> {
  if (!recs.length) return;
  await clearDerived(tx, recs.map((r) => r.id));
  const rows = emptyRows();
  const recordRows = recs.map((r) => {
    rowsFor(r, rows);
    const l = labels(r);
    return { id: r.id, type: r.type, data: r, origin: opts.origin, hash: recordHash(r), label_en: l.en, label_zh: l.zh };
  });
  await tx.query(
    `insert into records (id, type, data, origin, hash, label_en, label_zh)
     select id, type, data, origin, hash, label_en, label_zh
     from jsonb_to_recordset($1::jsonb) as x(id text, type text, data jsonb, origin text, hash text, label_en text, label_zh text)
     on conflict (id) do update set type = excluded.type, data = excluded.data, origin = excluded.origin,
       hash = excluded.hash, label_en = excluded.label_en, label_zh = excluded.label_zh, updated_at = now()`,
    [JSON.stringify(recordRows)],
  );
  await insertRows(tx, rows);
  const hist = recs.map((r) => ({
    record_id: r.id, action: opts.before?.has(r.id) ? 'update' : 'create', actor: opts.actor,
    dataset_version: opts.version ?? null, before: opts.before?.get(r.id) ?? null, after: r,
  }));
  await tx.query(
    `insert into history (record_id, action, actor, dataset_version, before, after)
     select record_id, action, actor, dataset_version, before, after
     from jsonb_to_recordset($1::jsonb) as x(record_id text, action text, actor text, dataset_version text, before jsonb, after jsonb)`,
    [JSON.stringify(hist)],
  );
}

export async function loadBundle(store: Store, bundle: Bundle): Promise<LoadReport> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(727002)');
    const existing = await tx.query<{ id: string; hash: string; origin: string; data: unknown }>('select id, hash, origin, data from records');
    const byId = new Map(existing.map((r) => [r.id, r]));
    const report: LoadReport = { version: bundle.version, created: 0, updated: 0, deleted: 0, unchanged: 0, keptUserEdits: [] };
    const write: KbRecord[] = [];
    const before = new Map<string, unknown>();
    const inBundle = new Set<string>();
    for (const rec of bundle.records) {
      inBundle.add(rec.id);
      const cur = byId.get(rec.id);
      if (!cur) {
        write.push(rec);
        report.created++;
      } else if (cur.origin === 'user') {
        report.keptUserEdits.push(rec.id);
      } else if (cur.hash !== recordHash(rec)) {
        write.push(rec);
        before.set(rec.id, cur.data);
        report.updated++;
      } else report.unchanged++;
    }
    const gone = existing.filter((r) => r.origin === 'dataset' && !inBundle.has(r.id));
    if (gone.length) {
      const ids = gone.map((r) => r.id);
      await clearDerived(tx, ids);
      await tx.query('delete from records where id = any($1::text[])', [ids]);
      await tx.query(
        `insert into history (record_id, action, actor, dataset_version, before)
         select id, 'delete', $2, $3, data from jsonb_to_recordset($1::jsonb) as x(id text, data jsonb)`,
        [JSON.stringify(gone.map((g) => ({ id: g.id, data: g.data }))), `dataset@${bundle.version}`, bundle.version],
      );
      report.deleted = gone.length;
    }
    await writeRecords(tx, write, { origin: 'dataset', actor: `dataset@${bundle.version}`, version: bundle.version, before });
    await tx.query(
      `insert into kb_meta (key, value) values ('dataset_version', $1) on conflict (key) do update set value = excluded.value`,
      [bundle.version],
    );
    return report;
  });
}
