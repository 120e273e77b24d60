/** Paths and helpers shared by the tests (compiled with the sources, never imported by them). */
import { cpSync, mkdtempSync, copyFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot, seedsDir } from '../dataset/paths.js';
import { validateKb } from '../dataset/validate.js';
import { makeBundle, type Bundle } from '../dataset/bundle.js';
import { deriveRecord } from '../model/derive.js';

export const fixturesDir = path.join(packageRoot, 'test', 'fixtures');
export const smallKb = path.join(fixturesDir, 'kb-small');
export const smallTexts = path.join(fixturesDir, 'texts');

/** A copy of kb-small in a temporary directory, with extra files from fixtures/bad dropped in. */
export function smallKbWith(...badFiles: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'techfence-kb-'));
  cpSync(smallKb, dir, { recursive: true });
  for (const f of badFiles) copyFileSync(path.join(fixturesDir, 'bad', f), path.join(dir, f));
  return dir;
}

export function bundleOf(kbDir: string, texts = smallTexts): Bundle {
  const res = validateKb(kbDir, { seedsDir: texts });
  if (res.errors.length) throw new Error(`fixture KB invalid: ${JSON.stringify(res.errors[0])}`);
  return makeBundle(res.records.map(deriveRecord));
}

export function tempDir(prefix = 'techfence-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The seed documents live beside the repository; tests that need them say loudly when they are missing. */
export function seedsAvailable(): string | undefined {
  const d = seedsDir();
  return existsSync(path.join(d, '000_8be7828af42f1b0b.txt')) ? d : undefined;
}

export function skipLoudly(what: string, why: string): void {
  process.stderr.write(`\n*** SKIPPED: ${what} — ${why} ***\n\n`);
}
