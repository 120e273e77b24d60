import { test, after } from 'node:test';
import { storeSuite } from './conformance.js';
import { openStore } from './index.js';
import { skipLoudly } from '../testing/fixtures.js';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  skipLoudly('PostgreSQL server storage suite', 'TEST_DATABASE_URL is not set (.ci/run sets it to the local server)');
  test('PostgreSQL server storage suite', { skip: 'TEST_DATABASE_URL is not set' }, () => undefined);
} else {
  const schemas: string[] = [];
  after(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
    await c.end();
  });
  storeSuite('postgres', () => {
    const schema = `tf_test_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    return openStore({ url, schema });
  });
}
