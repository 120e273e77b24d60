import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../dataset/paths.js';
import { tempDir } from '../testing/fixtures.js';
import { displayWidth, table } from './format.js';

const bin = path.join(packageRoot, 'bin', 'techfence.js');
let dataDir: string;
const run = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, TECHFENCE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

before(() => {
  dataDir = path.join(tempDir(), 'pgdata');
});

test('a first search creates the embedded database and finds the record in Traditional script', () => {
  const r = run('search', '實體清單');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out.split('\n')[2]!, /^entity-list\s+instrument\s+Entity List · 实体清单/);
});

test('--json gives machines the same answer', () => {
  const r = run('members', 'artemis-accords', '--on', '2024-12-13', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.ok(j.members.some((m: any) => m.member.id === 'pa'));
});

test('mistakes get a clear message and a usage line, with exit code 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['members'], /give one framework id/],
    [['search'], /give some words/],
    [['timeline', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [args, re] of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, re);
  }
  const bad = run('members', 'artemis-accords', '--on', '2024-02-30');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /day 30 does not exist/);
});

test('tables line up Chinese and Latin text', () => {
  assert.equal(displayWidth('实体清单 EL'), 11);
  const t = table(['a', 'b'], [['实体', 'x'], ['ab', 'y']]).split('\n');
  const col = (line: string, ch: string) => displayWidth(line.slice(0, line.indexOf(ch)));
  assert.equal(col(t[2]!, 'x'), col(t[3]!, 'y'));
});
