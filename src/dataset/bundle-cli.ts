/** Build step: validate data/kb and write dist/kb.json. Fails the build on any data error. */
import { writeFileSync } from 'node:fs';
import { validateKb, formatIssue } from './validate.js';
import { kbDir, seedsDir } from './paths.js';
import { makeBundle, bundlePath } from './bundle.js';
import { deriveRecord } from '../model/derive.js';

const res = validateKb(kbDir, { seedsDir: seedsDir() });
for (const e of res.errors) console.error(formatIssue(e));
// --lenient (development only): bundle what parsed even when evidence is still being curated.
const lenient = process.argv.includes('--lenient');
if (res.errors.length && !lenient) {
  console.error(`knowledge base: ${res.errors.length} errors; dist/kb.json not written (see \`techfence validate\`)`);
  process.exit(1);
}
const bundle = makeBundle(res.records.map(deriveRecord));
writeFileSync(bundlePath, JSON.stringify(bundle));
console.log(`knowledge base: ${bundle.records.length} records bundled (version ${bundle.version})`);
