import type { Queryable } from '../storage/store.js';
import type { KbRecord } from '../model/schema.js';

export interface KbExport {
  format: 'techfence-kb';
  formatVersion: 1;
  datasetVersion: string | null;
  exportedAt: string;
  counts: Record<string, number>;
  records: Array<KbRecord & { _origin: string }>;
  relations: Array<{ from: string; rel: string; to: string; props: Record<string, unknown> | null }>;
  evidence: Array<{ record: string; part: string; source: string; quote: string | null; start: number | null; end: number | null }>;
}

/** The whole knowledge base as one JSON document: records (with their own fields), relations and evidence. */
export async function exportKb(db: Queryable): Promise<KbExport> {
  const recs = await db.query<{ data: KbRecord; origin: string; type: string }>(`select data, origin, type from records order by type, id`);
  const rels = await db.query<{ from_id: string; rel: string; to_id: string; props: Record<string, unknown> | null }>(`select from_id, rel, to_id, props from links order by from_id, rel, to_id`);
  const ev = await db.query<{ record_id: string; part: string; source_id: string; quote: string | null; start_offset: number | null; end_offset: number | null }>(
    `select record_id, part, source_id, quote, start_offset, end_offset from evidence order by record_id, id`);
  const version = (await db.query<{ value: string }>(`select value from kb_meta where key = 'dataset_version'`))[0]?.value ?? null;
  const counts: Record<string, number> = {};
  for (const r of recs) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return {
    format: 'techfence-kb', formatVersion: 1, datasetVersion: version, exportedAt: new Date().toISOString(), counts,
    records: recs.map((r) => ({ ...r.data, _origin: r.origin })),
    relations: rels.map((r) => ({ from: r.from_id, rel: r.rel, to: r.to_id, props: r.props })),
    evidence: ev.map((e) => ({ record: e.record_id, part: e.part, source: e.source_id, quote: e.quote, start: e.start_offset, end: e.end_offset })),
  };
}
