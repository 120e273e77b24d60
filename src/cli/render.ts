import type { RecordView } from '../queries/show.js';
import { label, safe } from './format.js';

/** A record page for the terminal: names, own fields, relations, memberships, evidence. */
export function renderRecord(v: RecordView): string {
  const r = v.record as Record<string, any>;
  const lines: string[] = [];
  const t = r.names ?? r.title ?? r.measure ?? r.text ?? {};
  lines.push(`${safe(r.id)}  [${r.type}]`);
  for (const k of ['en', 'zh-Hans', 'zh-Hant', 'pinyin']) if (t[k]) lines.push(`  ${k.padEnd(8)} ${safe(t[k])}`);
  if (r.aliases?.length) lines.push(`  aliases  ${r.aliases.map(safe).join(' | ')}`);
  const skip = new Set(['id', 'type', 'names', 'aliases', 'evidence', 'memberships', 'title', 'measure', 'text']);
  for (const [k, val] of Object.entries(r)) {
    if (skip.has(k) || val === undefined || (Array.isArray(val) && !val.length)) continue;
    lines.push(`  ${k}: ${safe(typeof val === 'object' ? JSON.stringify(val) : val)}`);
  }
  const out = v.relations.filter((x) => x.direction === 'out');
  const inc = v.relations.filter((x) => x.direction === 'in');
  if (out.length) {
    lines.push('', 'Links');
    for (const x of out) lines.push(`  ${x.rel.padEnd(12)} ${x.other.id}  ${safe(label(x.other.label))}${x.props?.share !== undefined ? ` (share ${x.props.share})` : ''}`);
  }
  if (inc.length) {
    lines.push('', `Referenced by (${inc.length})`);
    for (const x of inc.slice(0, 40)) lines.push(`  ${x.rel.padEnd(12)} ${x.other.id}  ${safe(label(x.other.label))}`);
    if (inc.length > 40) lines.push(`  … ${inc.length - 40} more (use --json)`);
  }
  if (v.memberships.length) {
    lines.push('', 'Memberships');
    for (const m of v.memberships) {
      const other = m.framework.id === r.id ? m.member : m.framework;
      lines.push(`  ${other.id.padEnd(24)} ${safe(label(other.label))}  ${m.from ? `from ${m.from}` : ''}${m.to ? ` to ${m.to}` : ''}${m.role ? ` (${safe(m.role)})` : ''}`);
    }
  }
  if (v.evidence.length) {
    lines.push('', 'Evidence');
    for (const e of v.evidence) {
      const where = e.start !== null ? ` @${e.start}-${e.end}` : '';
      lines.push(`  ${e.source.id}${where}${e.part ? ` (${e.part})` : ''}: “${safe(e.quote ?? e.note ?? '')}”`);
    }
  }
  lines.push('', `origin: ${v.origin}; ${v.history.length} change(s) in history, last ${v.updatedAt}`);
  return lines.join('\n');
}
