// Whole-process time of a CLI search, on the embedded database and on a PostgreSQL server, against two peers
// measured in the same run: bare `node -e 0` (Node start-up) and the same search query through `psql`.
// Usage: npm run bench   (needs `npm run build`; BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const QUERY = '实体清单';
const bin = path.resolve('bin/techfence.js');
const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tf-bench-')), 'pgdata');
const serverBase = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const benchDb = 'techfence_bench';
const serverUrl = serverBase.replace(/\/[^/]*$/, `/${benchDb}`);

function time(cmd, args, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, stderr: r.stderr };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function series(name, cmd, args, env) {
  time(cmd, args, env); // warm the file cache
  const runs = [];
  const phases = [];
  for (let i = 0; i < RUNS; i++) {
    const r = time(cmd, args, { ...env, TECHFENCE_TIMING: '1' });
    runs.push(r.ms);
    const m = /timing: (.*)/.exec(r.stderr);
    if (m) phases.push(Object.fromEntries(m[1].split(', ').map((p) => { const [k, v] = p.split(' '); return [k, parseFloat(v)]; })));
  }
  const ph = phases.length ? Object.fromEntries(Object.keys(phases[0]).map((k) => [k, median(phases.map((p) => p[k]))])) : null;
  return { name, median: median(runs), min: Math.min(...runs), phases: ph };
}

// Prepare both databases once (first use creates and loads them).
const env = { TECHFENCE_DATA_DIR: dataDir, DATABASE_URL: '' };
time(process.execPath, [bin, 'search', QUERY], env);
let server = true;
try {
  execFileSync('psql', [serverBase, '-qc', `drop database if exists ${benchDb}`], { stdio: 'ignore' });
  execFileSync('psql', [serverBase, '-qc', `create database ${benchDb}`], { stdio: 'ignore' });
  time(process.execPath, [bin, 'search', QUERY], { DATABASE_URL: serverUrl });
} catch (e) {
  server = false;
  console.error(`PostgreSQL server not usable (${e.message.split('\n')[0]}): server rows skipped`);
}

// The SQL the search runs, for psql (same normalised key).
const { normalizeName } = await import('../dist/model/names.js');
const key = normalizeName(QUERY);
const sql = `select r.id, r.type, n.name from names n join records r on r.id = n.record_id where n.norm like '%${key}%' order by (n.norm = '${key}') desc, length(n.norm) limit 20`;

const rows = [series('node -e 0 (peer: Node start-up)', process.execPath, ['-e', '0'], {})];
rows.push(series(`techfence search ${QUERY} (PGlite)`, process.execPath, [bin, 'search', QUERY], env));
if (server) {
  rows.push(series(`techfence search ${QUERY} (PostgreSQL server)`, process.execPath, [bin, 'search', QUERY], { DATABASE_URL: serverUrl }));
  rows.push(series('psql, same search query (peer)', 'psql', [serverUrl, '-Atqc', sql], {}));
}

const node = rows[0].median;
const psql = rows.find((r) => r.name.startsWith('psql'))?.median;
console.log(`\nMachine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${RUNS} runs each, medians.\n`);
console.log('| command | median ms | min ms | × node -e 0 | (median − node) ÷ psql | phases (ms, medians) |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  const vsPsql = psql && r.name.includes('server') ? ((r.median - node) / psql).toFixed(2) : '';
  const ph = r.phases ? Object.entries(r.phases).map(([k, v]) => `${k} ${v}`).join(', ') : '';
  console.log(`| ${r.name} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${(r.median / node).toFixed(2)} | ${vsPsql} | ${ph} |`);
}
if (server) execFileSync('psql', [serverBase, '-qc', `drop database if exists ${benchDb}`], { stdio: 'ignore' });
