import * as T2CN from 'opencc-js/t2cn';

/**
 * Name normalisation for matching. The original text is kept for display; this key only decides what matches:
 * Unicode-compatibility forms folded (full-width → half-width), case folded, Traditional → Simplified
 * (so 實體清單, 实体清单 and 「實體清單」 meet), and punctuation, brackets and spaces dropped.
 */
let t2s: ((s: string) => string) | undefined;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function toSimplified(s: string): string {
  if (!HAN.test(s)) return s;
  // 'twp' reads Taiwan usage and phrases too, a superset of plain Traditional.
  const convert = (t2s ??= T2CN.Converter({ from: 'twp', to: 'cn' }));
  return convert(s);
}

// Variant characters OpenCC leaves alone but which mean the same in names.
const VARIANTS: Record<string, string> = { 墻: '墙', 牆: '墙', 于: '于', 關: '关', 係: '系' };

export function normalizeName(s: string): string {
  let out = s.normalize('NFKC').toLowerCase();
  out = toSimplified(out);
  out = out.replace(/[墻牆關係]/g, (c) => VARIANTS[c] ?? c);
  // Keep letters, digits and Han; everything else (spaces, quotes, 《》「」, dots, dashes) is formatting.
  return out.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when a string contains Han characters. */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}
