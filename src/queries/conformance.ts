/**
 * Query behaviour over the shipped knowledge base, run against every storage engine. These are the answers a
 * user of the CLI or API sees: the right record first, the right members on a date, filters that filter.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../storage/store.js';
import { ensureReady } from '../storage/index.js';
import { partialDate } from '../model/dates.js';
import { search, showRecord, timeline, membersOn, changesBetween, figures, exportKb, NotFoundError } from './index.js';

export function querySuite(engine: string, open: () => Promise<Store>): void {
  describe(`${engine}: queries over the shipped knowledge base`, () => {
    let db: Store;
    before(async () => {
      db = await open();
      await ensureReady(db);
    });
    after(async () => db.close());

    test('search finds the record in either script, in English, by alias and by pinyin, best first', async () => {
      const cases: Array<[string, string]> = [
        ['實體清單', 'entity-list'], ['实体清单', 'entity-list'], ['entity list', 'entity-list'], ['Entity List', 'entity-list'],
        ['shiti qingdan', 'entity-list'], ['华为', 'huawei'], ['華為', 'huawei'], ['Huawei', 'huawei'],
        ['TTC', 'ttc'], ['美欧贸易技术委员会', 'ttc'], ['「小院高牆」', 'small-yard-high-fence'], ['Artemis Accords', 'artemis-accords'],
        ['阿尔忒弥斯协定', 'artemis-accords'], ['IPEF', 'ipef'], ['芯片四方联盟', 'chip4'], ['出口管制条例', 'ear'],
      ];
      for (const [q, id] of cases) {
        const hits = await search(db, q);
        assert.equal(hits[0]?.id, id, `${q} → ${hits.slice(0, 3).map((h) => h.id).join(', ')}`);
      }
      assert.deepEqual(await search(db, '%%%'), []);
      assert.deepEqual(await search(db, 'zzzqqqxxx'), []);
      await assert.rejects(search(db, 'x'.repeat(500)), /limit is 200/);
    });

    test('search can be limited to record types', async () => {
      const hits = await search(db, 'entity list', { types: ['figure'] });
      assert.ok(hits.length > 0);
      assert.ok(hits.every((h) => h.type === 'figure'));
    });

    test('a record page shows its evidence, its links and who refers to it', async () => {
      const v = await showRecord(db, 'entity-list');
      assert.equal(v.record.type, 'instrument');
      assert.ok(v.evidence.length >= 1);
      assert.ok(v.evidence.every((e) => e.source.type === 'source' && e.quote));
      assert.ok(v.relations.some((r) => r.direction === 'in'));
      await assert.rejects(showRecord(db, 'no-such-record'), NotFoundError);
    });

    test('Artemis Accords: Panama and Austria are members on 2024-12-13, not on 2024-12-12', async () => {
      const before = await membersOn(db, 'artemis-accords', '2024-12-12');
      const on = await membersOn(db, 'artemis-accords', '2024-12-13');
      const ids = (r: typeof on) => r.members.map((m) => m.member.id);
      assert.ok(!ids(before).includes('pa') && !ids(before).includes('at'));
      assert.ok(ids(on).includes('pa') && ids(on).includes('at'));
      assert.equal(on.members.length - before.members.length, 2);
      assert.deepEqual(before.laterMembers.map((m) => m.member.id).sort(), ['at', 'pa']);
      await assert.rejects(membersOn(db, 'entity-list', '2024-12-13'), /no framework/);
      await assert.rejects(membersOn(db, 'artemis-accords', '2024-13-01'), /month 13/);
    });

    test('timeline filters by pillar, period and dates, in date order', async () => {
      const all = await timeline(db);
      assert.ok(all.length >= 50);
      const dates = all.map((e) => partialDate(e.date).start);
      assert.deepEqual(dates, [...dates].sort());
      const ec = await timeline(db, { pillar: 'export_control' });
      assert.ok(ec.length > 0 && ec.length < all.length);
      assert.ok(ec.every((e) => e.pillars.includes('export_control')));
      const t2 = await timeline(db, { period: 'trump-2' });
      assert.ok(t2.length > 0 && t2.every((e) => e.period === 'trump-2' && e.date >= '2025'));
      const y2022 = await timeline(db, { from: '2022-01-01', to: '2022-12-31' });
      assert.ok(y2022.length > 0 && y2022.every((e) => e.date.startsWith('2022')));
      const withTech = await timeline(db, { technology: 'semiconductors' });
      assert.ok(withTech.length > 0, 'a parent technology includes events about its children');
      await assert.rejects(timeline(db, { pillar: 'nonsense' }), /unknown pillar/);
    });

    test('what changed between two dates includes the Artemis signatories', async () => {
      const c = await changesBetween(db, '2024-12-12', '2024-12-13');
      assert.deepEqual(c.joined.filter((j) => j.framework.id === 'artemis-accords').map((j) => j.member.id).sort(), ['at', 'pa']);
      assert.ok(c.events.some((e) => e.date === '2024-12-13'));
      await assert.rejects(changesBetween(db, '2025-01-01', '2024-01-01'), /after/);
    });

    test('figures by topic: the Entity List count of Chinese companies', async () => {
      const f = await figures(db, 'entity_list');
      const el = f.find((x) => x.value === 639);
      assert.ok(el, f.map((x) => x.value).join(','));
      assert.equal(el.asOf, '2023-03');
      assert.match(el.quote ?? '', /639/);
      const words = await figures(db, '实体清单');
      assert.ok(words.some((x) => x.value === 639));
    });

    test('export holds every record with relations and evidence, and every fact has evidence', async () => {
      const doc = await exportKb(db);
      const n = (await db.query<{ n: number }>('select count(*)::int as n from records'))[0]!.n;
      assert.equal(doc.records.length, n);
      const withEvidence = new Set(doc.evidence.map((e) => e.record));
      const bare = doc.records.filter((r) => !['source', 'pillar', 'technology'].includes(r.type) && !withEvidence.has(r.id));
      assert.deepEqual(bare.map((r) => r.id), []);
      assert.ok(doc.relations.length > doc.records.length);
    });
  });
}
