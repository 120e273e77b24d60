import type { Queryable } from '../storage/store.js';
import { queryDay, partialDate } from '../model/dates.js';
import { timeline, type TimelineEvent } from './timeline.js';
import type { Ref } from './show.js';

export interface MembershipChange {
  framework: Ref;
  member: Ref;
  date: string;
}

export interface IntervalChange {
  record: Ref;
  date: string;
}

export interface ChangeReport {
  from: string;
  to: string;
  events: TimelineEvent[];
  joined: MembershipChange[];
  left: MembershipChange[];
  enteredIntoForce: IntervalChange[];
  endedInForce: IntervalChange[];
  frameworksFounded: IntervalChange[];
}

/**
 * What changed in the regime after `from` and up to `to` (the interval (from, to]): dated events, memberships
 * that began or ended, instruments entering or leaving force, frameworks founded. Partial dates count on the
 * first day they cover.
 */
export async function changesBetween(db: Queryable, fromText: string, toText: string): Promise<ChangeReport> {
  const from = queryDay(fromText, 'from');
  const to = queryDay(toText, 'to');
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  const allEvents = await timeline(db, { from, to });
  const events = allEvents.filter((e) => {
    const start = partialDate(e.date).start;
    return start > from && start <= to;
  });
  const ref = (id: string, type: string, en: string | null, zh: string | null): Ref => ({ id, type, label: { en, zh } });
  const mem = await db.query<{ fid: string; fen: string | null; fzh: string | null; mid: string; mtype: string; men: string | null; mzh: string | null; d: string; kind: string }>(
    `select f.id as fid, f.label_en as fen, f.label_zh as fzh, m.id as mid, m.type as mtype, m.label_en as men, m.label_zh as mzh, x.d::text as d, x.kind
     from (select framework_id, member_id, from_start as d, 'joined' as kind from memberships
           union all select framework_id, member_id, to_end as d, 'left' from memberships) x
     join records f on f.id = x.framework_id join records m on m.id = x.member_id
     where x.d > $1::date and x.d <= $2::date order by x.d, f.id, m.id`, [from, to]);
  const iv = await db.query<{ id: string; type: string; label_en: string | null; label_zh: string | null; d: string; kind: string }>(
    `select r.id, r.type, r.label_en, r.label_zh, x.d::text as d, x.kind
     from (select record_id, from_start as d, kind || ':start' as kind from intervals
           union all select record_id, to_end as d, kind || ':end' from intervals) x
     join records r on r.id = x.record_id
     where x.d > $1::date and x.d <= $2::date order by x.d, r.id`, [from, to]);
  const pick = (k: string) => iv.filter((r) => r.kind === k).map((r) => ({ record: ref(r.id, r.type, r.label_en, r.label_zh), date: r.d }));
  const m = (k: string) => mem.filter((r) => r.kind === k).map((r) => ({ framework: ref(r.fid, 'framework', r.fen, r.fzh), member: ref(r.mid, r.mtype, r.men, r.mzh), date: r.d }));
  return {
    from, to, events, joined: m('joined'), left: m('left'),
    enteredIntoForce: pick('in_force:start'), endedInForce: pick('in_force:end'), frameworksFounded: pick('exists:start'),
  };
}
