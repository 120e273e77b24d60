import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handle, createServer, ROUTES } from './server.js';
import { openapi } from './openapi.js';
import { openStore, ensureReady, type Store } from '../storage/index.js';

let db: Store;
before(async () => {
  db = await openStore({ dataDir: 'memory://' });
  await ensureReady(db);
});
after(async () => db.close());

const get = async (url: string) => handle(db, 'GET', url);

test('search answers in either script with the right record first', async () => {
  for (const q of ['實體清單', '实体清单', 'entity list']) {
    const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200);
    assert.equal((r.body as any[])[0].id, 'entity-list', q);
  }
});

test('framework members on a date, and what changed, as JSON', async () => {
  const a = (await get('/api/frameworks/artemis-accords/members?on=2024-12-12')).body as any;
  const b = (await get('/api/frameworks/artemis-accords/members?on=2024-12-13')).body as any;
  assert.equal(b.members.length - a.members.length, 2);
  const c = (await get('/api/changes?from=2024-12-12&to=2024-12-13')).body as any;
  assert.ok(c.joined.some((j: any) => j.member.id === 'pa'));
  const rec = (await get('/api/records/entity-list')).body as any;
  assert.equal(rec.record.id, 'entity-list');
  assert.ok(rec.evidence.length > 0);
});

test('every error has one shape and a message that says what was wrong', async () => {
  const cases: Array<[string, number, string, RegExp]> = [
    ['/api/search', 400, 'missing_parameter', /"q" is required/],
    ['/api/records/nope', 404, 'not_found', /no record with id "nope"/],
    ['/api/frameworks/artemis-accords/members?on=2024-02-30', 400, 'bad_parameter', /day 30 does not exist/],
    ['/api/timeline?pillar=bogus', 400, 'bad_parameter', /unknown pillar "bogus"/],
    ['/api/search?q=x&limit=-3', 400, 'bad_parameter', /positive whole number/],
    [`/api/search?q=${'长'.repeat(300)}`, 400, 'bad_parameter', /limit is 200/],
    ['/api/nothing-here', 404, 'no_route', /no endpoint/],
    [`/api/search?q=${'a'.repeat(3000)}`, 414, 'uri_too_long', /over 2048/],
    ['/api/records/%E0%A4%A', 400, 'bad_url', /percent-encoding/],
  ];
  for (const [url, status, code, re] of cases) {
    const r = await get(url);
    assert.equal(r.status, status, url);
    const e = (r.body as any).error;
    assert.deepEqual(Object.keys(e).sort(), ['code', 'message', 'status'], url);
    assert.equal(e.code, code, url);
    assert.match(e.message, re, url);
  }
  const post = await handle(db, 'POST', '/api/search?q=x');
  assert.equal(post.status, 405);
});

test('hostile query strings are searched as text', async () => {
  for (const q of ["'; drop table records; --", '<script>alert(1)</script>', '%_\\', '\u0000\u001b[2J']) {
    const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200, q);
    assert.ok(Array.isArray(r.body));
  }
  assert.equal(((await get('/api/health')).body as any).ok, true);
});

test('the OpenAPI description lists every route', () => {
  const paths = Object.keys(openapi().paths).sort();
  assert.deepEqual(paths, ROUTES.map((r) => r.path).sort());
});

test('a real HTTP server serves JSON and the landing page on loopback', async () => {
  const server = createServer(db);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const fetchText = (path: string) => new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    }).on('error', reject);
  });
  try {
    const s = await fetchText(`/api/search?q=${encodeURIComponent('華為')}`);
    assert.equal(s.status, 200);
    assert.match(s.type, /application\/json/);
    assert.equal(JSON.parse(s.body)[0].id, 'huawei');
    const page = await fetchText('/');
    assert.match(page.type, /text\/html/);
    assert.match(page.body, /Techfence/);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
