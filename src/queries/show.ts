import type { Queryable } from '../storage/store.js';
import type { KbRecord } from '../model/schema.js';
import { historyOf, type HistoryEntry } from './history.js';

export interface Ref {
  id: string;
  type: string;
  label: { en: string | null; zh: string | null };
}

export interface EvidenceItem {
  part: string;
  source: Ref;
  quote: string | null;
  start: number | null;
  end: number | null;
  note: string | null;
}

export interface RelationItem {
  rel: string;
  direction: 'out' | 'in';
  other: Ref;
  props: Record<string, unknown> | null;
}

export interface RecordView {
  record: KbRecord;
  origin: string;
  updatedAt: string;
  evidence: EvidenceItem[];
  relations: RelationItem[];
  /** For frameworks: every membership; for members: the frameworks they belong to. */
  memberships: Array<{ framework: Ref; member: Ref; role: string | null; from: string | null; to: string | null }>;
  history: HistoryEntry[];
}

export class NotFoundError extends Error {
  constructor(public what: string, public id: string) {
    super(`no ${what} with id "${id}"`);
  }
}

const ref = (id: string, type: string, en: string | null, zh: string | null): Ref => ({ id, type, label: { en, zh } });

export async function showRecord(db: Queryable, id: string): Promise<RecordView> {
  const rec = (await db.query<{ data: KbRecord; origin: string; updated_at: string }>(
    `select data, origin, updated_at::text from records where id = $1`, [id]))[0];
  if (!rec) throw new NotFoundError('record', id);
  const evidence = await db.query<{ part: string; source_id: string; type: string; label_en: string | null; label_zh: string | null; quote: string | null; start_offset: number | null; end_offset: number | null; note: string | null }>(
    `select e.part, e.source_id, s.type, s.label_en, s.label_zh, e.quote, e.start_offset, e.end_offset, e.note
     from evidence e join records s on s.id = e.source_id where e.record_id = $1 order by e.id`, [id]);
  const rels = await db.query<{ rel: string; dir: 'out' | 'in'; id: string; type: string; label_en: string | null; label_zh: string | null; props: Record<string, unknown> | null }>(
    `select l.rel, 'out' as dir, r.id, r.type, r.label_en, r.label_zh, l.props from links l join records r on r.id = l.to_id where l.from_id = $1
     union all
     select l.rel, 'in' as dir, r.id, r.type, r.label_en, r.label_zh, l.props from links l join records r on r.id = l.from_id where l.to_id = $1
     order by 2, 1, 3`, [id]);
  const mem = await db.query<{ fid: string; ftype: string; fen: string | null; fzh: string | null; mid: string; mtype: string; men: string | null; mzh: string | null; role: string | null; from_text: string | null; to_text: string | null }>(
    `select f.id as fid, f.type as ftype, f.label_en as fen, f.label_zh as fzh, m.id as mid, m.type as mtype, m.label_en as men, m.label_zh as mzh,
            ms.role, ms.from_text, ms.to_text
     from memberships ms join records f on f.id = ms.framework_id join records m on m.id = ms.member_id
     where ms.framework_id = $1 or ms.member_id = $1 order by ms.from_start nulls first, m.id`, [id]);
  const hist = await historyOf(db, id);
  return {
    record: rec.data,
    origin: rec.origin,
    updatedAt: rec.updated_at,
    evidence: evidence.map((e) => ({ part: e.part, source: ref(e.source_id, e.type, e.label_en, e.label_zh), quote: e.quote, start: e.start_offset, end: e.end_offset, note: e.note })),
    relations: rels.map((r) => ({ rel: r.rel, direction: r.dir, other: ref(r.id, r.type, r.label_en, r.label_zh), props: r.props })),
    memberships: mem.map((m) => ({ framework: ref(m.fid, m.ftype, m.fen, m.fzh), member: ref(m.mid, m.mtype, m.men, m.mzh), role: m.role, from: m.from_text, to: m.to_text })),
    history: hist,
  };
}
