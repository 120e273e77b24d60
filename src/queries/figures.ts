import type { Queryable } from '../storage/store.js';
import { normalizeName } from '../model/names.js';

export interface FigureItem {
  id: string;
  value: number;
  unit: string;
  qualifier: string;
  asOf: string | null;
  measure: { en: string | null; zh: string | null };
  subjects: string[];
  topics: string[];
  quote: string | null;
  source: string | null;
}

/**
 * Figures by topic: a topic word, a pillar, a technology or a subject id, or words of the measure in any
 * language ("entity list", 贸易顺差). No topic lists them all, newest first.
 */
export async function figures(db: Queryable, topic?: string): Promise<FigureItem[]> {
  const t = topic?.trim() || null;
  const key = t ? normalizeName(t) : null;
  const rows = await db.query<{ id: string; value: number; unit: string; qualifier: string; as_of_text: string | null; label_en: string | null; label_zh: string | null; data: any; quote: string | null; source_id: string | null }>(
    `select f.id, f.value, f.unit, f.qualifier, f.as_of_text, r.label_en, r.label_zh, r.data,
       (select e.quote from evidence e where e.record_id = f.id order by e.id limit 1) as quote,
       (select e.source_id from evidence e where e.record_id = f.id order by e.id limit 1) as source_id
     from figures f join records r on r.id = f.id
     where $1::text is null
        or r.data->'topics' ? $1 or r.data->'topics' ? replace($1, ' ', '_')
        or exists (select 1 from links l where l.from_id = f.id and (l.to_id = $1 or l.to_id = replace($1, ' ', '-')))
        or exists (select 1 from names n where n.record_id = f.id and n.kind = 'title' and n.norm like '%' || $2 || '%')
        or exists (select 1 from links l join names n on n.record_id = l.to_id where l.from_id = f.id and n.norm = $2)
     order by f.as_of_start desc nulls last, f.id`,
    [t?.toLowerCase() ?? null, key],
  );
  return rows.map((r) => ({
    id: r.id, value: r.value, unit: r.unit, qualifier: r.qualifier, asOf: r.as_of_text,
    measure: { en: r.label_en, zh: r.label_zh }, subjects: r.data.subjects ?? [], topics: r.data.topics ?? [],
    quote: r.quote, source: r.source_id,
  }));
}
