/**
 * One behaviour suite for every storage engine (PGlite and the PostgreSQL server): each engine's test file
 * calls `storeSuite` with a way to open a fresh, empty store.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './store.js';
import { migrate, listMigrations } from './migrate.js';
import { loadBundle } from './load.js';
import { addRecordsFromFile } from '../dataset/add.js';
import { bundleOf, smallKb, smallKbWith, fixturesDir } from '../testing/fixtures.js';
import type { Bundle } from '../dataset/bundle.js';
import { makeBundle } from '../dataset/bundle.js';
import { search } from '../queries/search.js';
import { showRecord } from '../queries/show.js';
import path from 'node:path';

const count = async (db: Store, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params))[0]!.n;

export function storeSuite(engine: string, open: () => Promise<Store>): void {
  describe(`${engine}: storage`, () => {
    let db: Store;
    let v1: Bundle;
    before(async () => {
      db = await open();
      v1 = bundleOf(smallKb);
    });
    after(async () => db.close());

    test('migrations are versioned and applied once', async () => {
      const first = await migrate(db);
      assert.deepEqual(first, listMigrations().map((m) => m.version));
      assert.deepEqual(await migrate(db), []);
    });

    test('loading the dataset creates every record, and loading it again changes nothing', async () => {
      const r1 = await loadBundle(db, v1);
      assert.equal(r1.created, v1.records.length);
      const hist = await count(db, 'select * from history');
      const r2 = await loadBundle(db, v1);
      assert.deepEqual([r2.created, r2.updated, r2.deleted, r2.unchanged], [0, 0, 0, v1.records.length]);
      assert.equal(await count(db, 'select * from history'), hist);
      assert.equal((await db.query<{ value: string }>(`select value from kb_meta where key = 'dataset_version'`))[0]!.value, v1.version);
    });

    test('a newer dataset is picked up without losing what users added or edited', async () => {
      // A user adds a record and edits a curated one.
      const userFile = path.join(fixturesDir, 'bad', 'hostile-names.yaml');
      assert.deepEqual(await addRecordsFromFile(db, userFile, 'alice'), { created: 1, updated: 0 });
      const editDir = smallKbWith();
      const { writeFileSync } = await import('node:fs');
      const edited = path.join(editDir, 'user-edit.yaml');
      writeFileSync(edited, '- { id: pa, type: jurisdiction, iso: PA, names: { en: Republic of Panama, zh-Hans: 巴拿马共和国 }, evidence: [{ source: mini, quote: 巴拿马, start: 31, end: 34 }] }\n');
      assert.deepEqual(await addRecordsFromFile(db, edited, 'bob'), { created: 0, updated: 1 });

      // The next dataset changes one event, drops another, adds a jurisdiction and also changes pa.
      const recs = structuredClone(v1.records) as any[];
      const ev = recs.find((r) => r.id === '2024-12-13-panama-austria-sign-artemis');
      ev.title.en = 'Panama and Austria become the 49th and 50th signatories';
      const kept = recs.filter((r) => r.id !== '2020-artemis-accords-launched');
      kept.find((r) => r.id === 'pa').names.en = 'Panama (dataset v2)';
      kept.push({ id: 'nl', type: 'jurisdiction', iso: 'NL', kind: 'country', names: { en: 'Netherlands' }, aliases: [], evidence: [{ source: 'mini', quote: '美国商务部', start: 79, end: 84 }] });
      const v2 = makeBundle(kept);
      const r = await loadBundle(db, v2);
      assert.deepEqual([r.created, r.updated, r.deleted], [1, 1, 1]);
      assert.deepEqual(r.keptUserEdits, ['pa']);

      const pa = await showRecord(db, 'pa');
      assert.equal((pa.record as any).names.en, 'Republic of Panama');
      assert.equal(pa.origin, 'user');
      assert.deepEqual(pa.history.map((h) => [h.action, h.actor]), [['create', `dataset@${v1.version}`], ['update', 'bob']]);
      assert.equal((await search(db, 'DROP TABLE'))[0]?.id, 'hostile-org');
      const evView = await showRecord(db, ev.id);
      assert.equal(evView.history.at(-1)!.action, 'update');
      const gone = await db.query<{ action: string }>(`select action from history where record_id = '2020-artemis-accords-launched' order by id`);
      assert.deepEqual(gone.map((g) => g.action), ['create', 'delete']);
    });

    test('a failed load leaves the database exactly as it was', async () => {
      const before = await db.query('select id, hash from records order by id');
      const version = (await db.query<{ value: string }>(`select value from kb_meta where key = 'dataset_version'`))[0]!.value;
      const recs = structuredClone(v1.records) as any[];
      recs.find((r) => r.id === 'entity-list').jurisdiction = 'atlantis'; // dangling reference: rejected at commit
      recs.find((r) => r.id === 'us').names.en = 'Changed in a load that must not land';
      await assert.rejects(loadBundle(db, makeBundle(recs)), /foreign key|atlantis/);
      assert.deepEqual(await db.query('select id, hash from records order by id'), before);
      assert.equal((await db.query<{ value: string }>(`select value from kb_meta where key = 'dataset_version'`))[0]!.value, version);
    });

    test('the database itself refuses a fact without evidence', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query(`insert into records (id, type, data, origin, hash) values ('bare-event', 'event', '{}', 'user', 'x')`);
        }),
        /has no evidence/,
      );
      assert.equal(await count(db, `select 1 from records where id = 'bare-event'`), 0);
    });

    test('history is append-only', async () => {
      await assert.rejects(db.query(`delete from history`), /append-only/);
      await assert.rejects(db.query(`update history set actor = 'mallory'`), /append-only/);
    });

    test('hostile text in names is stored verbatim and matched as text', async () => {
      const hits = await search(db, "Robert'); DROP TABLE records;--");
      assert.equal(hits[0]?.id, 'hostile-org');
      assert.ok(await count(db, 'select * from records') > 5);
      const v = await showRecord(db, 'hostile-org');
      assert.equal((v.record as any).names['zh-Hans'], '恶意\u001b[31m公司');
    });
  });
}
