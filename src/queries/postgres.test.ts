import { test, after } from 'node:test';
import pg from 'pg';
import { querySuite } from './conformance.js';
import { openStore } from '../storage/index.js';
import { skipLoudly } from '../testing/fixtures.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  skipLoudly('PostgreSQL server query suite', 'TEST_DATABASE_URL is not set (.ci/run sets it to the local server)');
  test('PostgreSQL server query suite', { skip: 'TEST_DATABASE_URL is not set' }, () => undefined);
} else {
  const schema = `tf_qtest_${process.pid}`;
  after(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  });
  querySuite('postgres', () => openStore({ url, schema }));
}
