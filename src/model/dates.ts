/**
 * Partial dates: ISO prefixes whose length is their precision (`2019`, `2019-05`, `2019-05-16`).
 * A partial date covers an interval of days; queries "on date D" compare against that interval.
 */
export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  text: string;
  precision: Precision;
  /** first day covered, YYYY-MM-DD */
  start: string;
  /** last day covered, YYYY-MM-DD */
  end: string;
}

const RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parse a partial date; returns an error message (naming what is wrong) instead of throwing. */
export function parsePartialDate(text: string): PartialDate | { error: string } {
  const m = RE.exec(text);
  if (!m) return { error: `"${text}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)` };
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return { error: `"${text}": year ${year} is out of range` };
  if (m[2] === undefined) return { text, precision: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `"${text}": month ${m[2]} does not exist` };
  const last = daysIn(year, month);
  if (m[3] === undefined) {
    return { text, precision: 'month', start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return { error: `"${text}": day ${m[3]} does not exist in ${year}-${pad(month)}` };
  return { text, precision: 'day', start: text, end: text };
}

export function isPartialDate(x: PartialDate | { error: string }): x is PartialDate {
  return !('error' in x);
}

/** Parse or throw (for values already validated). */
export function partialDate(text: string): PartialDate {
  const d = parsePartialDate(text);
  if (!isPartialDate(d)) throw new Error(d.error);
  return d;
}

/** YAML may hand us a number (2019) or a Date for unquoted dates; bring both back to text. */
export function dateText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Administrations, derived from dates (BRIEF.md). */
export const PERIODS = [
  { id: 'trump-1', names: { en: 'Trump 1', 'zh-Hans': '特朗普第一任期' }, from: '2017-01-20', to: '2021-01-20' },
  { id: 'biden', names: { en: 'Biden', 'zh-Hans': '拜登政府' }, from: '2021-01-20', to: '2025-01-20' },
  { id: 'trump-2', names: { en: 'Trump 2', 'zh-Hans': '特朗普第二任期' }, from: '2025-01-20', to: '9999-12-31' },
] as const;
export type PeriodId = (typeof PERIODS)[number]['id'];

/** The administration in office on a day (a period's `to` day belongs to the next one: inauguration at noon). */
export function periodOf(day: string): PeriodId | undefined {
  for (const p of PERIODS) if (day >= p.from && day < p.to) return p.id;
  return undefined;
}

/**
 * A partial date's period: the one holding the middle of its interval ("2021" → Biden, "2021-01" → Trump 1),
 * since a year-precision date most likely falls where most of its days are.
 */
export function periodOfPartial(d: PartialDate): PeriodId | undefined {
  const a = Date.parse(d.start);
  const b = Date.parse(d.end);
  return periodOf(new Date((a + b) / 2).toISOString().slice(0, 10));
}

/** Validate a YYYY-MM-DD query date (CLI/API input). */
export function queryDay(text: string, what = 'date'): string {
  const d = parsePartialDate(text);
  if (!isPartialDate(d)) throw new RangeError(`${what}: ${d.error}`);
  return d.start;
}
