/**
 * Names a curator need not type: the other Chinese script and pinyin, derived from what was written.
 * Done when the dataset is bundled (and when a user adds a record), never at query time.
 */
import * as CN2T from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import { toSimplified } from './names.js';
import type { KbRecord } from './schema.js';

let s2t: ((s: string) => string) | undefined;
export function toTraditional(s: string): string {
  const convert = (s2t ??= CN2T.Converter({ from: 'cn', to: 'tw' }));
  return convert(s);
}

export function toPinyin(s: string): string {
  return pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

type Names = { en?: string; 'zh-Hans'?: string; 'zh-Hant'?: string; pinyin?: string };

export function deriveNames(n: Names): Names {
  const out: Names = { ...n };
  if (out['zh-Hant'] && !out['zh-Hans']) out['zh-Hans'] = toSimplified(out['zh-Hant']);
  if (out['zh-Hans'] && !out['zh-Hant']) out['zh-Hant'] = toTraditional(out['zh-Hans']);
  if (out['zh-Hans'] && !out.pinyin) out.pinyin = toPinyin(out['zh-Hans']);
  return out;
}

type Localized = { en?: string; 'zh-Hans'?: string; 'zh-Hant'?: string };
function deriveLocalized(t: Localized): Localized {
  const out = { ...t };
  if (out['zh-Hant'] && !out['zh-Hans']) out['zh-Hans'] = toSimplified(out['zh-Hant']);
  if (out['zh-Hans'] && !out['zh-Hant']) out['zh-Hant'] = toTraditional(out['zh-Hans']);
  return out;
}

/** A record with its derived names and titles filled in (a copy). */
export function deriveRecord<T extends KbRecord>(rec: T): T {
  const r = structuredClone(rec) as Record<string, unknown>;
  if (r.names) r.names = deriveNames(r.names as Names);
  for (const f of ['title', 'measure', 'text', 'description']) if (r[f]) r[f] = deriveLocalized(r[f] as Localized);
  return r as T;
}
