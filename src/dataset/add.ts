/**
 * Records added by users (CLI `add`, API POST): validated like curated data, stored with origin 'user' so a
 * dataset update never overwrites them, and written to history with their author.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseDataFile, recordsOf, type RawRecord } from './files.js';
import { validateRaw, formatIssue } from './validate.js';
import { deriveRecord } from '../model/derive.js';
import type { Store } from '../storage/store.js';
import { writeRecords } from '../storage/load.js';
import type { KbRecord } from '../model/schema.js';
import { recordSchema } from '../model/schema.js';

export const MAX_ADD_BYTES = 2 * 1024 * 1024;

export class InputError extends Error {}

/** Validate user records against everything already stored (references may point at any stored record). */
export async function addRecords(db: Store, raws: RawRecord[], actor: string): Promise<{ created: number; updated: number }> {
  if (!/^[\w .@-]{1,80}$/.test(actor)) throw new InputError(`actor "${actor.slice(0, 40)}" must be 1–80 letters, digits, spaces or . @ - _`);
  const stored = await db.query<{ data: KbRecord }>('select data from records');
  const storedRaw: RawRecord[] = stored
    .filter((s) => !raws.some((r) => r.data.id === s.data.id))
    .map((s, index) => ({ file: '(database)', line: 0, index, data: s.data as unknown as Record<string, unknown> }));
  // Quotes of user records cannot be checked against texts we do not hold; references and schema can.
  const res = validateRaw([...storedRaw, ...raws], {});
  const mine = new Set(raws.map((r) => String(r.data.id)));
  const errors = res.errors.filter((e) => mine.has(e.record) || e.file !== '(database)');
  if (errors.length) throw new InputError(errors.map(formatIssue).join('\n'));
  const recs = res.records.filter((r) => mine.has(r.id)).map((r) => deriveRecord(recordSchema.parse(r)));
  return db.transaction(async (tx) => {
    const prev = await tx.query<{ id: string; data: unknown }>('select id, data from records where id = any($1::text[])', [[...mine]]);
    const before = new Map(prev.map((p) => [p.id, p.data]));
    await writeRecords(tx, recs, { origin: 'user', actor, before });
    return { created: recs.length - before.size, updated: before.size };
  });
}

export async function addRecordsFromFile(db: Store, file: string, actor: string) {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (size > MAX_ADD_BYTES) throw new InputError(`${file}: ${size} bytes is over the ${MAX_ADD_BYTES}-byte limit`);
  const buf = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`${file}: not valid UTF-8 text`);
  }
  const raws = recordsOf(parseDataFile(file, file, text));
  if (raws.some((r) => r.data.type === 'attestation')) throw new InputError(`${file}: attestations belong in the curated data; add whole records`);
  return addRecords(db, raws, actor);
}

