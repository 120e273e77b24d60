/**
 * `techfence validate`: schema, references, intervals, id and alias collisions, and evidence quotes against their
 * source texts. Every problem names the file, line, record and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { readRecords, DataFileError, type RawRecord } from './files.js';
import {
  fileEntrySchema, REFERENCE_FIELDS, type KbRecord, type Attestation, type Evidence,
} from '../model/schema.js';
import { partialDate } from '../model/dates.js';
import { normalizeName } from '../model/names.js';
import { sliceCodePoints, findAllCodePoints } from '../model/text.js';

export interface Issue {
  file: string;
  line: number;
  record: string;
  field: string;
  message: string;
}

export function formatIssue(i: Issue): string {
  return `${i.file}:${i.line}: record ${i.record}${i.field ? `, field ${i.field}` : ''}: ${i.message}`;
}

export interface Located<T> {
  file: string;
  line: number;
  value: T;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
  /** Records with attestations merged in (evidence, aliases, memberships), in load order. */
  records: KbRecord[];
  where: Map<string, { file: string; line: number }>;
}

export interface ValidateOptions {
  /** Directory holding the seed texts; when absent, quotes are checked for presence only (a warning says so). */
  seedsDir?: string;
}

function zodIssues(raw: RawRecord, err: z.ZodError): Issue[] {
  const id = typeof raw.data.id === 'string' ? raw.data.id : typeof raw.data.ref === 'string' ? raw.data.ref : `#${raw.index + 1}`;
  return err.issues.map((iss) => ({
    file: raw.file,
    line: raw.line,
    record: id,
    field: iss.path.join('.'),
    message: iss.message,
  }));
}

/** Validate the records of a knowledge-base directory (the shipped one, or any other). */
export function validateKb(kbDir: string, opts: ValidateOptions = {}): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let raws: RawRecord[];
  try {
    raws = readRecords(kbDir);
  } catch (e) {
    if (e instanceof DataFileError) {
      return { errors: [{ file: e.file, line: e.line ?? 0, record: '-', field: '', message: e.message.replace(/^[^:]+:(\d+:)? /, '') }], warnings, records: [], where: new Map() };
    }
    throw e;
  }
  return validateRaw(raws, opts, errors, warnings);
}

export function validateRaw(raws: RawRecord[], opts: ValidateOptions, errors: Issue[] = [], warnings: Issue[] = []): ValidationResult {
  const records = new Map<string, KbRecord>();
  const where = new Map<string, { file: string; line: number }>();
  const attestations: Located<Attestation>[] = [];

  // 1. Schema, and ids unique across all files.
  for (const raw of raws) {
    const parsed = fileEntrySchema.safeParse(raw.data);
    if (!parsed.success) {
      errors.push(...zodIssues(raw, parsed.error));
      continue;
    }
    const rec = parsed.data;
    if (rec.type === 'attestation') {
      attestations.push({ file: raw.file, line: raw.line, value: rec });
      continue;
    }
    const prev = where.get(rec.id);
    if (prev) {
      errors.push({ file: raw.file, line: raw.line, record: rec.id, field: 'id', message: `duplicate id: already defined at ${prev.file}:${prev.line}` });
      continue;
    }
    records.set(rec.id, rec);
    where.set(rec.id, { file: raw.file, line: raw.line });
  }

  // 2. Attestations fold into the record they name.
  for (const { file, line, value: a } of attestations) {
    const target = records.get(a.ref);
    if (!target) {
      errors.push({ file, line, record: a.ref, field: 'ref', message: `attestation names unknown record "${a.ref}"` });
      continue;
    }
    if (a.aliases.length) target.aliases = [...(target.aliases ?? []), ...a.aliases];
    if (a.evidence.length) {
      if (!('evidence' in target)) {
        errors.push({ file, line, record: a.ref, field: 'evidence', message: `${target.type} records take no evidence` });
      } else target.evidence = [...(target.evidence ?? []), ...a.evidence];
    }
    if (a.memberships.length) {
      if (target.type !== 'framework') {
        errors.push({ file, line, record: a.ref, field: 'memberships', message: `only frameworks have memberships, ${a.ref} is a ${target.type}` });
      } else target.memberships = [...target.memberships, ...a.memberships];
    }
  }

  const at = (id: string, field: string, message: string, level = errors) => {
    const w = where.get(id) ?? { file: '?', line: 0 };
    level.push({ file: w.file, line: w.line, record: id, field, message });
  };

  // 3. References resolve, to a record of a sensible type.
  const mustBe = (id: string, field: string, ref: string, types?: string[]) => {
    const target = records.get(ref);
    if (!target) return at(id, field, `unknown reference "${ref}"`);
    if (types && !types.includes(target.type)) at(id, field, `"${ref}" is a ${target.type}, expected ${types.join(' or ')}`);
  };
  const ACTORS = ['jurisdiction', 'organisation', 'person', 'framework'];
  const FIELD_TYPES: Record<string, string[] | undefined> = {
    parent: undefined, jurisdiction: ['jurisdiction'], issuers: ['organisation', 'jurisdiction', 'person', 'framework'],
    technologies: ['technology'], part_of: ['instrument', 'framework'], amends: ['instrument'], authors: ['person'],
    source: ['source'], same_work_as: ['source'], instruments: ['instrument'], frameworks: ['framework'], actors: ACTORS,
  };
  for (const rec of records.values()) {
    const r = rec as Record<string, unknown>;
    for (const field of REFERENCE_FIELDS[rec.type] ?? []) {
      const v = r[field];
      const refs = Array.isArray(v) ? (v as string[]) : v === undefined ? [] : [v as string];
      let types = FIELD_TYPES[field];
      if (field === 'parent') types = [rec.type === 'framework' ? 'framework' : rec.type];
      refs.forEach((ref, i) => mustBe(rec.id, Array.isArray(v) ? `${field}.${i}` : field, ref, types));
    }
    if (rec.type === 'organisation') rec.parents.forEach((p, i) => mustBe(rec.id, `parents.${i}.org`, p.org, ['organisation']));
    if (rec.type === 'person') rec.roles.forEach((ro, i) => ro.organisation && mustBe(rec.id, `roles.${i}.organisation`, ro.organisation, ['organisation', 'framework']));
    if (rec.type === 'source') rec.authors.forEach((au, i) => au.person && mustBe(rec.id, `authors.${i}.person`, au.person, ['person']));
    if (rec.type === 'framework') rec.memberships.forEach((m, i) => mustBe(rec.id, `memberships.${i}.member`, m.member, ['jurisdiction', 'organisation', 'framework']));
    if (rec.type === 'claim' && !rec.evidence.some((e) => e.source === rec.source)) {
      at(rec.id, 'evidence', `a claim's evidence must include its own source ${rec.source}`);
    }
    for (const [field, ev] of evidenceOf(rec)) mustBe(rec.id, `${field}.source`, ev.source, ['source']);
  }

  // 4. Intervals make sense.
  const order = (id: string, field: string, a?: string, b?: string) => {
    if (a && b && partialDate(a).start > partialDate(b).end) at(id, field, `starts (${a}) after it ends (${b})`);
  };
  for (const rec of records.values()) {
    if (rec.type === 'instrument') rec.in_force.forEach((iv, i) => order(rec.id, `in_force.${i}`, iv.from, iv.to));
    if (rec.type === 'framework') {
      order(rec.id, 'dissolved', rec.founded, rec.dissolved);
      rec.memberships.forEach((m, i) => order(rec.id, `memberships.${i}`, m.from, m.to));
    }
    if (rec.type === 'event') order(rec.id, 'end_date', rec.date, rec.end_date);
    if (rec.type === 'person') rec.roles.forEach((ro, i) => order(rec.id, `roles.${i}`, ro.from, ro.to));
  }

  // 5. Names and aliases do not collide across records (events, figures, claims and sources have no names to look up).
  const owner = new Map<string, string>();
  for (const rec of records.values()) {
    if (['event', 'figure', 'claim', 'source'].includes(rec.type)) continue;
    const keys = new Set<string>([rec.id.replace(/[-_]/g, '')]);
    for (const n of Object.values(rec.names ?? {})) if (n) keys.add(normalizeName(String(n)));
    for (const a of rec.aliases ?? []) keys.add(normalizeName(String(a)));
    for (const k of keys) {
      if (!k) continue;
      const other = owner.get(k);
      if (other && other !== rec.id) at(rec.id, 'aliases', `name or alias "${k}" is also used by ${other}`);
      else owner.set(k, rec.id);
    }
  }

  // 6. Evidence quotes stand at their offsets in their source texts.
  checkEvidence(records, opts, at, warnings);

  return { errors, warnings, records: [...records.values()], where };
}

/** Every evidence item of a record, with the field it sits in. */
export function evidenceOf(rec: KbRecord): Array<[string, Evidence]> {
  const out: Array<[string, Evidence]> = [];
  if ('evidence' in rec && rec.evidence) rec.evidence.forEach((e, i) => out.push([`evidence.${i}`, e]));
  if (rec.type === 'framework') {
    rec.memberships.forEach((m, i) => m.evidence.forEach((e, j) => out.push([`memberships.${i}.evidence.${j}`, e])));
  }
  return out;
}

function checkEvidence(
  records: Map<string, KbRecord>,
  opts: ValidateOptions,
  at: (id: string, field: string, message: string, level?: Issue[]) => void,
  warnings: Issue[],
) {
  const texts = new Map<string, string>();
  let warnedNoSeeds = false;
  for (const rec of records.values()) {
    if (rec.type !== 'source' || !rec.file) continue;
    const p = opts.seedsDir ? path.join(opts.seedsDir, rec.file) : undefined;
    if (!p || !existsSync(p)) {
      if (!warnedNoSeeds) {
        at(rec.id, 'file', `source texts not found${opts.seedsDir ? ` in ${opts.seedsDir}` : ''}: quotes were not checked against them (set TECHFENCE_SEEDS_DIR)`, warnings);
        warnedNoSeeds = true;
      }
      continue;
    }
    const buf = readFileSync(p);
    const sha = createHash('sha256').update(buf).digest('hex');
    if (rec.sha256 && rec.sha256 !== sha) at(rec.id, 'sha256', `${rec.file} has changed since it was curated (sha256 ${sha.slice(0, 12)}…)`);
    texts.set(rec.id, buf.toString('utf8'));
  }
  for (const rec of records.values()) {
    for (const [field, ev] of evidenceOf(rec)) {
      const src = records.get(ev.source);
      if (!src || src.type !== 'source') continue; // reported with the references
      if (!src.file) continue; // external source: we hold no text to check against
      if (!ev.quote) {
        at(rec.id, `${field}.quote`, `evidence from ${ev.source} needs the exact quote`);
        continue;
      }
      const text = texts.get(src.id);
      if (text === undefined) continue;
      if (ev.start === undefined || ev.end === undefined) {
        const n = findAllCodePoints(text, ev.quote).length;
        at(rec.id, `${field}.start`, n ? 'offsets missing: run `npm run locate`' : `quote is not in ${ev.source}: "${ev.quote.slice(0, 50)}"`);
        continue;
      }
      const found = sliceCodePoints(text, ev.start, ev.end);
      if (found !== ev.quote) {
        const n = findAllCodePoints(text, ev.quote).length;
        at(rec.id, `${field}.quote`, n
          ? `quote is not at ${ev.start}..${ev.end} of ${ev.source} (it occurs elsewhere: run \`npm run locate\`)`
          : `quote is not in ${ev.source}: "${ev.quote.slice(0, 50)}"`);
      }
    }
  }
}
