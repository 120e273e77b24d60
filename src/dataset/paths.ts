import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository (package) root: dist/dataset/paths.js → ../.. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The curated knowledge base shipped with the package. */
export const kbDir = path.join(packageRoot, 'data', 'kb');

/** Where seed documents are read from: they live beside the repository, never inside it. */
export function seedsDir(): string {
  return process.env.TECHFENCE_SEEDS_DIR ?? path.resolve(packageRoot, '..', 'shared', 'seeds');
}
