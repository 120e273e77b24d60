import type { Queryable } from '../storage/store.js';
import { normalizeName } from '../model/names.js';

export interface SearchHit {
  id: string;
  type: string;
  label: { en: string | null; zh: string | null };
  /** The name or alias that matched, as written. */
  matched: string;
  /** How it matched: exact, prefix, contains (of a name/alias), or title (words of an event title, figure, claim). */
  how: 'exact' | 'prefix' | 'contains' | 'title';
  score: number;
}

export interface SearchOptions {
  types?: string[];
  limit?: number;
}

export const MAX_QUERY_LENGTH = 200;

/**
 * Find records by name or alias in any language or script. The query and every stored name are compared by their
 * normalised keys (Traditional → Simplified, case and punctuation folded), so 實體清單, 实体清单, "Entity List"
 * and 「實體清單」 are one key. Exact beats prefix beats contains; names beat titles; shorter names win ties.
 */
export async function search(db: Queryable, q: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
  if (q.length > MAX_QUERY_LENGTH) throw new RangeError(`query is ${q.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
  const key = normalizeName(q);
  if (!key) return [];
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 200);
  const like = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.query<{ id: string; type: string; label_en: string | null; label_zh: string | null; name: string; kind: string; score: number; how: SearchHit['how'] }>(
    `with m as (
       select n.record_id, n.name, n.kind,
         case when n.norm = $1 then 'exact' when n.norm like $2 || '%' then 'prefix'
              when n.kind = 'title' then 'title' else 'contains' end as how,
         (case when n.norm = $1 then 100 when n.norm like $2 || '%' then 60 else 30 end)
         * (case when n.kind = 'title' then 0.5 when n.kind = 'id' then 0.9 else 1 end)
         + 10.0 * length($1) / greatest(length(n.norm), 1) as score
       from names n
       where n.norm like '%' || $2 || '%'
     ), best as (
       select distinct on (record_id) record_id, name, kind, how, score from m order by record_id, score desc
     )
     select r.id, r.type, r.label_en, r.label_zh, b.name, b.kind, b.how, b.score::float8 as score
     from best b join records r on r.id = b.record_id
     where ($3::text[] is null or r.type = any($3::text[]))
     order by b.score desc,
       array_position(array['instrument','framework','organisation','jurisdiction','person','technology','pillar','event','figure','claim','source'], r.type),
       r.id
     limit $4`,
    [key, like, opts.types?.length ? opts.types : null, limit],
  );
  return rows.map((r) => ({
    id: r.id, type: r.type, label: { en: r.label_en, zh: r.label_zh }, matched: r.name, how: r.how, score: Math.round(r.score * 10) / 10,
  }));
}
