import type { Queryable } from '../storage/store.js';
import { queryDay, partialDate, PERIODS } from '../model/dates.js';
import { PILLARS } from '../model/schema.js';

export interface TimelineFilter {
  pillar?: string;
  technology?: string;
  actor?: string;
  target?: string;
  framework?: string;
  instrument?: string;
  /** Any record the event links to, in any role. */
  about?: string;
  period?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface TimelineEvent {
  id: string;
  date: string;
  precision: string;
  dateKind: string;
  period: string | null;
  title: { en: string | null; zh: string | null };
  action: string;
  pillars: string[];
  links: Array<{ rel: string; id: string; label: string | null }>;
  sources: string[];
}

/** Validate filter values before they reach SQL, so a typo is a clear error, not an empty answer. */
export function checkTimelineFilter(f: TimelineFilter): void {
  if (f.pillar && !(PILLARS as readonly string[]).includes(f.pillar)) throw new RangeError(`pillar: unknown pillar "${f.pillar}" (one of ${PILLARS.join(', ')})`);
  if (f.period && !PERIODS.some((p) => p.id === f.period)) throw new RangeError(`period: unknown period "${f.period}" (one of ${PERIODS.map((p) => p.id).join(', ')})`);
  if (f.from) queryDay(f.from, 'from');
  if (f.to) queryDay(f.to, 'to');
}

/**
 * Events in date order, filtered. A technology filter includes its sub-technologies (semiconductors → chips);
 * a date range keeps events whose date interval overlaps it ("2022" overlaps 2022-10-07).
 */
export async function timeline(db: Queryable, f: TimelineFilter = {}): Promise<TimelineEvent[]> {
  checkTimelineFilter(f);
  const from = f.from ? queryDay(f.from, 'from') : null;
  const to = f.to ? partialDate(f.to).end : null;
  const rows = await db.query<{ id: string; date_text: string; precision: string; date_kind: string; period: string | null; label_en: string | null; label_zh: string | null; data: any; links: any; sources: string[] }>(
    `with recursive tech as (
       select $2::text as id where $2::text is not null
       union select l.from_id from links l join tech t on l.to_id = t.id where l.rel = 'parent'
     )
     select e.id, e.date_text, e.precision, e.date_kind, e.period, r.label_en, r.label_zh, r.data,
       (select coalesce(jsonb_agg(jsonb_build_object('rel', l.rel, 'id', l.to_id, 'label', coalesce(o.label_en, o.label_zh)) order by l.rel, l.to_id), '[]')
          from links l join records o on o.id = l.to_id where l.from_id = e.id) as links,
       (select coalesce(array_agg(distinct v.source_id), '{}') from evidence v where v.record_id = e.id) as sources
     from events e join records r on r.id = e.id
     where ($1::text is null or exists (select 1 from links l where l.from_id = e.id and l.rel = 'pillars' and l.to_id = $1))
       and ($2::text is null or exists (select 1 from links l where l.from_id = e.id and l.rel = 'technologies' and l.to_id in (select id from tech)))
       and ($3::text is null or exists (select 1 from links l where l.from_id = e.id and l.rel = 'actors' and l.to_id = $3))
       and ($4::text is null or exists (select 1 from links l where l.from_id = e.id and l.rel = 'targets' and l.to_id = $4))
       and ($5::text is null or exists (select 1 from links l where l.from_id = e.id and l.rel = 'frameworks' and l.to_id = $5))
       and ($6::text is null or exists (select 1 from links l where l.from_id = e.id and l.rel = 'instruments' and l.to_id = $6))
       and ($7::text is null or exists (select 1 from links l where l.from_id = e.id and l.to_id = $7))
       and ($8::text is null or e.period = $8)
       and ($9::date is null or e.date_end >= $9::date)
       and ($10::date is null or e.date_start <= $10::date)
     order by e.date_start, e.precision desc, e.id
     limit $11`,
    [f.pillar ?? null, f.technology ?? null, f.actor ?? null, f.target ?? null, f.framework ?? null, f.instrument ?? null, f.about ?? null, f.period ?? null, from, to, Math.min(f.limit ?? 1000, 5000)],
  );
  return rows.map((r) => ({
    id: r.id, date: r.date_text, precision: r.precision, dateKind: r.date_kind, period: r.period,
    title: { en: r.label_en, zh: r.label_zh }, action: r.data.action, pillars: r.data.pillars ?? [],
    links: (r.links as TimelineEvent['links']).filter((l) => l.rel !== 'pillars'), sources: r.sources,
  }));
}
