import type { Queryable } from '../storage/store.js';
import { queryDay, partialDate } from '../model/dates.js';
import { NotFoundError, type Ref } from './show.js';

export interface MemberOnDate {
  member: Ref;
  role: string | null;
  from: string | null;
  to: string | null;
  /** True when the text gives no joining date: counted as a member since the framework was founded. */
  sinceUnknown: boolean;
  sources: string[];
}

export interface MembersReport {
  framework: Ref;
  on: string;
  founded: string | null;
  existsOnDate: boolean;
  members: MemberOnDate[];
  /** Members recorded with a later joining date (not yet members on the day). */
  laterMembers: MemberOnDate[];
  /** Members who had left by the day. */
  formerMembers: MemberOnDate[];
}

/**
 * Who belonged to a framework on a day. A membership counts from the first day its `from` date covers
 * (a month-precision "2019-05" counts from 2019-05-01) through the last day its `to` date covers.
 * A membership with no `from` counts from the framework's founding; with neither, on any day.
 */
export async function membersOn(db: Queryable, frameworkId: string, on: string): Promise<MembersReport> {
  const day = queryDay(on, 'on');
  const fw = (await db.query<{ id: string; type: string; label_en: string | null; label_zh: string | null; founded: string | null }>(
    `select r.id, r.type, r.label_en, r.label_zh, r.data->>'founded' as founded from records r where r.id = $1`, [frameworkId]))[0];
  if (!fw || fw.type !== 'framework') throw new NotFoundError('framework', frameworkId);
  const rows = await db.query<{ id: string; type: string; label_en: string | null; label_zh: string | null; role: string | null; from_text: string | null; to_text: string | null; eff_from: string | null; to_end: string | null; sources: string[] }>(
    `select m.id, m.type, m.label_en, m.label_zh, ms.role, ms.from_text, ms.to_text,
            coalesce(ms.from_start, i.from_start)::text as eff_from, ms.to_end::text as to_end,
            (select coalesce(array_agg(distinct e.source_id), '{}') from evidence e
              where e.record_id = ms.framework_id and e.part = 'membership:' || ms.seq) as sources
     from memberships ms join records m on m.id = ms.member_id
     left join intervals i on i.record_id = ms.framework_id and i.kind = 'exists'
     where ms.framework_id = $1
     order by coalesce(ms.from_start, i.from_start) nulls first, m.id`, [frameworkId]);
  const founded = fw.founded ?? null;
  const foundedStart = founded ? partialDate(founded).start : null;
  const report: MembersReport = {
    framework: { id: fw.id, type: fw.type, label: { en: fw.label_en, zh: fw.label_zh } },
    on: day, founded, existsOnDate: !foundedStart || foundedStart <= day, members: [], laterMembers: [], formerMembers: [],
  };
  const seen = new Set<string>();
  for (const r of rows) {
    const item: MemberOnDate = {
      member: { id: r.id, type: r.type, label: { en: r.label_en, zh: r.label_zh } }, role: r.role, from: r.from_text,
      to: r.to_text, sinceUnknown: r.from_text === null, sources: r.sources,
    };
    if (r.eff_from && r.eff_from > day) report.laterMembers.push(item);
    else if (r.to_end && r.to_end < day) report.formerMembers.push(item);
    else if (!seen.has(r.id)) {
      seen.add(r.id); // two sources may record the same membership: count the member once
      report.members.push(item);
    }
  }
  return report;
}
