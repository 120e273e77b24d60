/**
 * A record's derived rows: what the loader writes beside `records.data` so queries can use indexes.
 * Pure: one record in, rows out.
 */
import type { KbRecord } from '../model/schema.js';
import { REFERENCE_FIELDS } from '../model/schema.js';
import { partialDate, periodOfPartial } from '../model/dates.js';
import { normalizeName } from '../model/names.js';
import { evidenceOf } from '../dataset/validate.js';

export interface NameRow { record_id: string; kind: string; name: string; norm: string }
export interface EvidenceRow { record_id: string; part: string; source_id: string; quote: string | null; start_offset: number | null; end_offset: number | null; note: string | null }
export interface LinkRow { from_id: string; rel: string; to_id: string; props: Record<string, unknown> | null }
export interface EventRow { id: string; date_text: string; precision: string; date_start: string; date_end: string; date_kind: string; period: string | null }
export interface FigureRow { id: string; value: number; unit: string; qualifier: string; as_of_text: string | null; as_of_start: string | null; as_of_end: string | null }
export interface MembershipRow { framework_id: string; member_id: string; seq: number; role: string | null; from_text: string | null; from_start: string | null; to_text: string | null; to_end: string | null }
export interface IntervalRow { record_id: string; kind: string; from_start: string | null; to_end: string | null }

export interface RecordRows {
  names: NameRow[];
  evidence: EvidenceRow[];
  links: LinkRow[];
  events: EventRow[];
  figures: FigureRow[];
  memberships: MembershipRow[];
  intervals: IntervalRow[];
}

export function emptyRows(): RecordRows {
  return { names: [], evidence: [], links: [], events: [], figures: [], memberships: [], intervals: [] };
}

/** The label shown for a record in lists: its name, or its title / measure / text. */
export function labels(rec: KbRecord): { en: string | null; zh: string | null } {
  const r = rec as Record<string, any>;
  const t = r.names ?? r.title ?? r.measure ?? r.text ?? {};
  return { en: t.en ?? null, zh: t['zh-Hans'] ?? t['zh-Hant'] ?? null };
}

export function rowsFor(rec: KbRecord, out: RecordRows = emptyRows()): RecordRows {
  const id = rec.id;
  const r = rec as Record<string, any>;
  const seen = new Set<string>();
  const name = (kind: string, n: unknown) => {
    if (n === undefined || n === null || n === '') return;
    const s = String(n);
    const norm = normalizeName(s);
    if (!norm || seen.has(`${kind}|${norm}`)) return;
    seen.add(`${kind}|${norm}`);
    out.names.push({ record_id: id, kind, name: s, norm });
  };
  name('id', id);
  for (const k of ['en', 'zh-Hans', 'zh-Hant', 'pinyin'] as const) name(k, r.names?.[k]);
  for (const a of r.aliases ?? []) name('alias', a);
  for (const f of ['title', 'measure', 'text']) for (const v of Object.values(r[f] ?? {})) name('title', v);

  for (const [field, ev] of evidenceOf(rec)) {
    const m = /^memberships\.(\d+)\./.exec(field);
    out.evidence.push({
      record_id: id, part: m ? `membership:${m[1]}` : '', source_id: ev.source, quote: ev.quote ?? null,
      start_offset: ev.start ?? null, end_offset: ev.end ?? null, note: ev.note ?? null,
    });
  }

  for (const field of REFERENCE_FIELDS[rec.type] ?? []) {
    const v = r[field];
    for (const to of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.links.push({ from_id: id, rel: field, to_id: to, props: null });
  }
  for (const p of r.pillars ?? []) out.links.push({ from_id: id, rel: 'pillars', to_id: p, props: null });
  if (rec.type === 'organisation') for (const p of rec.parents) out.links.push({ from_id: id, rel: 'parent', to_id: p.org, props: p.share === undefined ? null : { share: p.share } });
  if (rec.type === 'person') for (const ro of rec.roles) if (ro.organisation) out.links.push({ from_id: id, rel: 'role', to_id: ro.organisation, props: { title: ro.title } });
  if (rec.type === 'source') for (const au of rec.authors) if (au.person) out.links.push({ from_id: id, rel: 'authors', to_id: au.person, props: null });

  if (rec.type === 'event') {
    const d = partialDate(rec.date);
    out.events.push({ id, date_text: d.text, precision: d.precision, date_start: d.start, date_end: d.end, date_kind: rec.date_kind, period: periodOfPartial(d) ?? null });
  }
  if (rec.type === 'figure') {
    const d = rec.as_of ? partialDate(rec.as_of) : undefined;
    out.figures.push({ id, value: rec.value, unit: rec.unit, qualifier: rec.qualifier, as_of_text: d?.text ?? null, as_of_start: d?.start ?? null, as_of_end: d?.end ?? null });
  }
  if (rec.type === 'framework') {
    rec.memberships.forEach((m, seq) => {
      out.memberships.push({
        framework_id: id, member_id: m.member, seq, role: m.role ?? null,
        from_text: m.from ?? null, from_start: m.from ? partialDate(m.from).start : null,
        to_text: m.to ?? null, to_end: m.to ? partialDate(m.to).end : null,
      });
    });
    if (rec.founded || rec.dissolved) {
      out.intervals.push({ record_id: id, kind: 'exists', from_start: rec.founded ? partialDate(rec.founded).start : null, to_end: rec.dissolved ? partialDate(rec.dissolved).end : null });
    }
  }
  if (rec.type === 'instrument') {
    for (const iv of rec.in_force) {
      out.intervals.push({ record_id: id, kind: 'in_force', from_start: iv.from ? partialDate(iv.from).start : null, to_end: iv.to ? partialDate(iv.to).end : null });
    }
  }
  return out;
}
