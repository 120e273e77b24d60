/**
 * The concept model, defined once. Record types (TypeScript) are inferred from these validators; the loader,
 * the validator, the database and the API all work from them.
 */
import { z } from 'zod';
import { parsePartialDate, isPartialDate } from './dates.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be a lowercase slug: letters, digits, single - or _ between words');

/** YAML turns 2019 into a number and 2019-05-16 into a Date: accept both, keep the text. */
export const partialDateField = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  z.string().superRefine((s, ctx) => {
    const d = parsePartialDate(s);
    if (!isPartialDate(d)) ctx.addIssue({ code: 'custom', message: d.error });
  }),
);

const text = z.string().trim().min(1).max(4000);

export const LANGS = ['en', 'zh-Hans', 'zh-Hant'] as const;
export const namesSchema = z
  .object({ en: text.optional(), 'zh-Hans': text.optional(), 'zh-Hant': text.optional(), pinyin: text.optional() })
  .strict()
  .refine((n) => n.en || n['zh-Hans'] || n['zh-Hant'], 'needs at least one of en, zh-Hans, zh-Hant');

const localized = z
  .object({ en: text.optional(), 'zh-Hans': text.optional(), 'zh-Hant': text.optional() })
  .strict()
  .refine((n) => n.en || n['zh-Hans'] || n['zh-Hant'], 'needs at least one of en, zh-Hans, zh-Hant');

export const evidenceSchema = z
  .object({
    source: slug,
    quote: z.string().min(1).max(2000).optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    occurrence: z.number().int().positive().optional(),
    note: text.optional(),
  })
  .strict()
  .refine((e) => (e.start === undefined) === (e.end === undefined), 'start and end go together')
  .refine((e) => e.start === undefined || e.end === undefined || e.end > e.start, 'end must be after start');
export type Evidence = z.infer<typeof evidenceSchema>;

const evidenceList = z.array(evidenceSchema).min(1, 'every fact needs at least one piece of evidence');
const ids = z.array(slug).default([]);

export const PILLARS = [
  'export_control', 'market_access', 'capital_flow', 'research_security', 'supply_chain_security', 'tariff',
  'alliance', 'domestic_industrial_policy', 'data_governance', 'space', 'military_deterrence',
] as const;
export const LEVELS = ['domestic', 'bilateral', 'regional', 'multilateral'] as const;

const base = {
  id: slug,
  names: namesSchema,
  aliases: z.array(z.union([text, z.number().transform(String)])).default([]),
  description: localized.optional(),
  notes: text.optional(),
};
const interval = z
  .object({ from: partialDateField.optional(), to: partialDateField.optional(), note: text.optional() })
  .strict();

export const sourceSchema = z
  .object({
    ...base,
    type: z.literal('source'),
    names: namesSchema.optional(),
    kind: z.enum(['article', 'paper', 'report', 'web_page', 'official_document', 'dataset', 'book', 'news']),
    title: localized,
    authors: z
      .array(z.object({ name: text, person: slug.optional(), affiliation: text.optional() }).strict())
      .default([]),
    publisher: text.optional(),
    journal: text.optional(),
    published: partialDateField.optional(),
    retrieved: text.optional(),
    url: z.string().url().optional(),
    doi: text.optional(),
    language: z.enum(['zh', 'en']).optional(),
    script: z.enum(['Hans', 'Hant', 'Latn']).optional(),
    file: z.string().regex(/^[\w.-]+$/, 'a bare file name').optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    same_work_as: slug.optional(),
    relative_dates_anchor: text.optional(),
    evidence: z.array(evidenceSchema).optional(),
  })
  .strict();

export const pillarSchema = z.object({ ...base, type: z.literal('pillar'), id: z.enum(PILLARS) }).strict();

export const technologySchema = z
  .object({ ...base, type: z.literal('technology'), parent: slug.optional(), evidence: z.array(evidenceSchema).optional() })
  .strict();

export const jurisdictionSchema = z
  .object({
    ...base,
    type: z.literal('jurisdiction'),
    iso: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 in capitals, or EU').optional(),
    kind: z.enum(['country', 'supranational', 'region', 'territory']).default('country'),
    parent: slug.optional(),
    evidence: evidenceList,
  })
  .strict();

export const organisationSchema = z
  .object({
    ...base,
    type: z.literal('organisation'),
    kind: z.enum([
      'government', 'agency', 'legislature', 'court', 'company', 'university', 'think_tank', 'intergovernmental',
      'party', 'media', 'laboratory', 'other',
    ]),
    jurisdiction: slug.optional(),
    parents: z.array(z.object({ org: slug, share: z.number().min(0).max(1).optional(), note: text.optional() }).strict()).default([]),
    responds_to: ids,
    evidence: evidenceList,
  })
  .strict();

export const personSchema = z
  .object({
    ...base,
    type: z.literal('person'),
    jurisdiction: slug.optional(),
    roles: z
      .array(
        z.object({ title: localized, organisation: slug.optional(), from: partialDateField.optional(), to: partialDateField.optional() }).strict(),
      )
      .default([]),
    evidence: evidenceList,
  })
  .strict();

export const INSTRUMENT_KINDS = [
  'law', 'bill', 'regulation', 'rule', 'list', 'executive_order', 'memorandum', 'strategy', 'policy', 'investigation',
  'programme', 'agreement', 'statement', 'report', 'tariff', 'initiative', 'standard',
] as const;

export const instrumentSchema = z
  .object({
    ...base,
    type: z.literal('instrument'),
    kind: z.enum(INSTRUMENT_KINDS),
    jurisdiction: slug.optional(),
    issuers: ids,
    pillars: z.array(z.enum(PILLARS)).default([]),
    technologies: ids,
    levels: z.array(z.enum(LEVELS)).default([]),
    targets: ids,
    part_of: slug.optional(),
    amends: ids,
    responds_to: ids,
    announced: partialDateField.optional(),
    in_force: z.array(interval).default([]),
    evidence: evidenceList,
  })
  .strict();

export const membershipSchema = z
  .object({
    member: slug,
    from: partialDateField.optional(),
    to: partialDateField.optional(),
    role: text.optional(),
    note: text.optional(),
    evidence: evidenceList,
  })
  .strict();
export type Membership = z.infer<typeof membershipSchema>;

export const frameworkSchema = z
  .object({
    ...base,
    type: z.literal('framework'),
    kind: z.enum(['alliance', 'partnership', 'forum', 'dialogue', 'agreement', 'initiative', 'working_group', 'mechanism', 'council', 'coalition', 'organisation']),
    parent: slug.optional(),
    founded: partialDateField.optional(),
    dissolved: partialDateField.optional(),
    pillars: z.array(z.enum(PILLARS)).default([]),
    technologies: ids,
    levels: z.array(z.enum(LEVELS)).default([]),
    memberships: z.array(membershipSchema).default([]),
    evidence: evidenceList,
  })
  .strict();

export const DATE_KINDS = ['announced', 'effective', 'signed', 'published', 'launched', 'ended', 'occurred', 'proposed'] as const;

export const eventSchema = z
  .object({
    ...base,
    type: z.literal('event'),
    names: namesSchema.optional(),
    title: localized,
    date: partialDateField,
    date_kind: z.enum(DATE_KINDS).default('occurred'),
    end_date: partialDateField.optional(),
    date_note: text.optional(),
    action: z.string().regex(/^[a-z_]+$/, 'a verb in snake_case (launch, sign, add_to_list …)'),
    actors: ids,
    targets: ids,
    instruments: ids,
    frameworks: ids,
    technologies: ids,
    pillars: z.array(z.enum(PILLARS)).default([]),
    level: z.enum(LEVELS).optional(),
    responds_to: ids,
    evidence: evidenceList,
  })
  .strict();

export const figureSchema = z
  .object({
    ...base,
    type: z.literal('figure'),
    names: namesSchema.optional(),
    value: z.number(),
    unit: z.string().regex(/^[A-Za-z_%]+$/, 'a unit word: count, USD_bn, percent …'),
    qualifier: z.enum(['exact', 'about', 'at_least', 'more_than', 'less_than', 'up_to']).default('exact'),
    measure: localized,
    as_of: partialDateField.optional(),
    subjects: ids,
    pillars: z.array(z.enum(PILLARS)).default([]),
    technologies: ids,
    topics: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]),
    evidence: evidenceList,
  })
  .strict();

export const claimSchema = z
  .object({
    ...base,
    type: z.literal('claim'),
    names: namesSchema.optional(),
    text: localized,
    authors: ids,
    source: slug,
    about: ids,
    pillars: z.array(z.enum(PILLARS)).default([]),
    evidence: evidenceList,
  })
  .strict();

/** Extra evidence, aliases or memberships for a record defined in another file. */
export const attestationSchema = z
  .object({
    type: z.literal('attestation'),
    ref: slug,
    aliases: z.array(z.union([text, z.number().transform(String)])).default([]),
    memberships: z.array(membershipSchema).default([]),
    evidence: z.array(evidenceSchema).default([]),
    notes: text.optional(),
  })
  .strict();

export const recordSchema = z.discriminatedUnion('type', [
  sourceSchema, pillarSchema, technologySchema, jurisdictionSchema, organisationSchema, personSchema,
  instrumentSchema, frameworkSchema, eventSchema, figureSchema, claimSchema,
]);
export const fileEntrySchema = z.discriminatedUnion('type', [...recordSchema.options, attestationSchema]);

export type KbRecord = z.infer<typeof recordSchema>;
export type RecordType = KbRecord['type'];
export type Attestation = z.infer<typeof attestationSchema>;
export type SourceRecord = z.infer<typeof sourceSchema>;
export type EventRecord = z.infer<typeof eventSchema>;
export type FrameworkRecord = z.infer<typeof frameworkSchema>;
export type FigureRecord = z.infer<typeof figureSchema>;
export type InstrumentRecord = z.infer<typeof instrumentSchema>;
export const RECORD_TYPES = recordSchema.options.map((o) => o.shape.type.value) as RecordType[];

/** Fields holding references to other records, per type: what `validate` resolves and the database links. */
export const REFERENCE_FIELDS: Record<string, string[]> = {
  technology: ['parent'],
  jurisdiction: ['parent'],
  organisation: ['jurisdiction', 'responds_to'],
  person: ['jurisdiction'],
  instrument: ['jurisdiction', 'issuers', 'technologies', 'targets', 'part_of', 'amends', 'responds_to'],
  framework: ['parent', 'technologies'],
  event: ['actors', 'targets', 'instruments', 'frameworks', 'technologies', 'responds_to'],
  figure: ['subjects', 'technologies'],
  claim: ['authors', 'source', 'about'],
  source: ['same_work_as'],
};
