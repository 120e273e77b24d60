import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';
import type { KbRecord } from '../model/schema.js';

/** The dataset as loaded into the database: validated records with derived names, and a content version. */
export interface Bundle {
  version: string;
  records: KbRecord[];
}

export const bundlePath = path.join(packageRoot, 'dist', 'kb.json');

export function makeBundle(records: KbRecord[]): Bundle {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const version = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
  return { version, records: sorted };
}

export function readBundle(file = bundlePath): Bundle {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Bundle;
  } catch (e) {
    throw new Error(`the bundled knowledge base ${file} is missing or unreadable: run \`npm run build\` (${(e as Error).message})`);
  }
}

/** Only the version, without parsing every record (a cold start compares it with the database's). */
export function readBundleVersion(file = bundlePath): string {
  const head = readFileSync(file, 'utf8').slice(0, 200);
  const m = /"version":"([0-9a-f]+)"/.exec(head);
  if (!m) throw new Error(`${file}: no version`);
  return m[1]!;
}
