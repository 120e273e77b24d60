import { kbDir, seedsDir } from '../dataset/paths.js';
import { loadSourceTexts, locateEvidence } from '../dataset/locate.js';
import path from 'node:path';

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'evidence' && rest[0] === 'locate') {
    const texts = loadSourceTexts(kbDir, seedsDir());
    const files = rest.slice(1).map((f) => path.resolve(f));
    const r = locateEvidence(kbDir, texts, files.length ? files : undefined);
    for (const p of r.problems) console.error(p);
    console.log(`${r.files} files, ${r.located} quotes located, ${r.changed} offsets written, ${r.problems.length} problems`);
    return r.problems.length ? 1 : 0;
  }
  console.error(`unknown command: ${argv.join(' ')}`);
  return 2;
}
