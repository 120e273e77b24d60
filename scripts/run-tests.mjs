// Runs every compiled test file (dist/**/*.test.js) with Node's test runner. Node 20's runner takes no globs.
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = path.join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.test.js')) files.push(p);
  }
};
walk('dist');
const filter = process.argv[2];
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (!selected.length) {
  console.error('no test files found under dist/ (did the build run?)');
  process.exit(1);
}
// One file at a time: PGlite instances are memory-hungry and the machine has two cores.
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...selected.sort()], { stdio: 'inherit' });
process.exit(r.status ?? 1);
