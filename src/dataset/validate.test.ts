import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { validateKb, type Issue } from './validate.js';
import { kbDir } from './paths.js';
import { smallKb, smallKbWith, smallTexts, seedsAvailable, skipLoudly } from '../testing/fixtures.js';

const seeds = seedsAvailable();

test('the shipped knowledge base is valid and every quote stands at its offsets in the seed documents', { skip: !seeds && 'seeds missing' }, () => {
  const res = validateKb(kbDir, { seedsDir: seeds! });
  assert.deepEqual(res.errors.map((e) => `${e.file}:${e.line} ${e.record} ${e.field}: ${e.message}`), []);
  assert.deepEqual(res.warnings, []);
  const count = (t: string) => res.records.filter((r) => r.type === t).length;
  // The five seeds are sources; 000 and 001 are one work in two scripts.
  const sources = res.records.filter((r) => r.type === 'source' && r.file);
  assert.equal(sources.length, 5);
  assert.equal(res.records.find((r) => r.id === 'seed-001' && r.type === 'source' && r.same_work_as === 'seed-000')?.id, 'seed-001');
  for (const t of ['event', 'instrument', 'framework', 'figure', 'claim', 'organisation', 'person']) assert.ok(count(t) >= 5, `${t}: ${count(t)}`);
});
if (!seeds) skipLoudly('seed evidence check', 'the seed documents are not beside the repository (../shared/seeds) and TECHFENCE_SEEDS_DIR is unset');

test('the miniature fixture knowledge base is valid', () => {
  const res = validateKb(smallKb, { seedsDir: smallTexts });
  assert.deepEqual(res.errors, []);
  assert.equal(res.records.length, 19);
});

function only(kb: string): Issue[] {
  return validateKb(kb, { seedsDir: smallTexts }).errors;
}

test('malformed YAML is reported with its file and line', () => {
  const errs = only(smallKbWith('malformed.yaml'));
  assert.equal(errs.length, 1);
  assert.equal(errs[0]!.file, 'malformed.yaml');
  assert.match(errs[0]!.message, /not valid YAML/);
  assert.ok(errs[0]!.line >= 3);
});

test('an unknown reference names the file, record and field', () => {
  const errs = only(smallKbWith('unknown-ref.yaml'));
  assert.deepEqual(errs.map((e) => [e.file, e.line, e.record, e.field]), [['unknown-ref.yaml', 1, 'ghost-rule', 'jurisdiction']]);
  assert.match(errs[0]!.message, /unknown reference "atlantis"/);
});

test('a duplicate id names both places', () => {
  const errs = only(smallKbWith('duplicate-id.yaml'));
  assert.equal(errs.length, 1);
  assert.equal(errs[0]!.record, 'entity-list');
  assert.match(errs[0]!.message, /duplicate id: already defined at (duplicate-id\.yaml|instruments\/entity-list\.yaml)/);
});

test('an impossible date names the field and why', () => {
  const errs = only(smallKbWith('impossible-date.yaml'));
  assert.deepEqual(errs.map((e) => [e.file, e.record, e.field]), [['impossible-date.yaml', '2023-02-30-nothing', 'date']]);
  assert.match(errs[0]!.message, /day 30 does not exist in 2023-02/);
});

test('a quote that is not in its source is an error on that evidence item', () => {
  const errs = only(smallKbWith('wrong-quote.yaml'));
  assert.deepEqual(errs.map((e) => [e.file, e.record, e.field]), [['wrong-quote.yaml', 'misquoted', 'evidence.0.quote']]);
  assert.match(errs[0]!.message, /quote is not in mini/);
});

test('an alias used by two records is a collision', () => {
  const dir = smallKbWith();
  writeFileSync(`${dir}/clash.yaml`, '- { id: bis-list, type: instrument, kind: list, names: { en: BIS list }, aliases: [實體清單], evidence: [{ source: mini, quote: 实体清单, start: 91, end: 95 }] }\n');
  const errs = only(dir);
  assert.equal(errs.length, 1);
  assert.match(errs[0]!.message, /"实体清单" is also used by (entity-list|bis-list)/);
});

test('intervals must not end before they start', () => {
  const dir = smallKbWith();
  writeFileSync(`${dir}/iv.yaml`, '- { id: backwards, type: instrument, kind: rule, names: { en: Backwards }, in_force: [{ from: 2024-05, to: 2023 }], evidence: [{ source: mini, quote: 实体清单, start: 91, end: 95 }] }\n');
  const errs = only(dir);
  assert.deepEqual(errs.map((e) => [e.record, e.field]), [['backwards', 'in_force.0']]);
});

test('a data file in another encoding or of absurd size is refused with its name', () => {
  const dir = smallKbWith();
  writeFileSync(`${dir}/gbk.yaml`, Buffer.from([0x2d, 0x20, 0x69, 0x64, 0x3a, 0x20, 0xca, 0xb5, 0xcc, 0xe5, 0x0a])); // "- id: 实体" in GBK
  const errs = only(dir);
  assert.deepEqual(errs.map((e) => [e.file, e.message]), [['gbk.yaml', 'not valid UTF-8 (data files are UTF-8 text)']]);
  const dir2 = smallKbWith();
  writeFileSync(`${dir2}/huge.yaml`, `# ${'x'.repeat(1024 * 1024 + 10)}\n`);
  assert.match(only(dir2)[0]!.message, /over the 1048576-byte limit/);
});
