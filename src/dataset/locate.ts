import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, visit, type YAMLMap } from 'yaml';
import { listDataFiles, parseDataFile, readRecords, DataFileError } from './files.js';
import { findAllCodePoints, codePointLength } from '../model/text.js';

/** Source id → the text of its file, for sources whose text we hold (the seeds). */
export function loadSourceTexts(kbDir: string, seedsDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const r of readRecords(kbDir)) {
    if (r.data.type !== 'source' || typeof r.data.file !== 'string') continue;
    const p = path.join(seedsDir, r.data.file);
    try {
      texts.set(String(r.data.id), readFileSync(p, 'utf8'));
    } catch {
      throw new DataFileError(r.file, r.line, `source ${String(r.data.id)}: file ${r.data.file} not found in ${seedsDir}`);
    }
  }
  return texts;
}

export interface LocateReport {
  files: number;
  located: number;
  changed: number;
  problems: string[];
}

/**
 * Write `start` / `end` next to every evidence quote whose source text we hold. Offsets are computed, never typed:
 * a quote that is not in its source is reported (file, line, record) and left untouched.
 */
export function locateEvidence(kbDir: string, texts: Map<string, string>, only?: string[]): LocateReport {
  const report: LocateReport = { files: 0, located: 0, changed: 0, problems: [] };
  for (const abs of only ?? listDataFiles(kbDir)) {
    const rel = path.relative(kbDir, abs).split(path.sep).join('/');
    const parsed = parseDataFile(abs, rel);
    let dirty = false;
    let recordId = '?';
    visit(parsed.doc, {
      Map(_key, node: YAMLMap, pathNodes) {
        if (pathNodes.length === 2 && isMap(node)) recordId = String(node.get('id') ?? node.get('ref') ?? '?');
        const source = node.get('source');
        const quote = node.get('quote');
        if (typeof source !== 'string' || typeof quote !== 'string') return;
        const text = texts.get(source);
        if (text === undefined) return; // external source: no text to locate in
        const line = node.range ? parsed.lines.linePos(node.range[0]).line : 0;
        const hits = findAllCodePoints(text, quote);
        const occ = Number(node.get('occurrence') ?? 1);
        if (hits.length === 0) {
          report.problems.push(`${rel}:${line}: record ${recordId}: quote not found in ${source}: "${quote.slice(0, 60)}"`);
          return;
        }
        const start = hits[occ - 1];
        if (start === undefined) {
          report.problems.push(`${rel}:${line}: record ${recordId}: occurrence ${occ} asked, quote occurs ${hits.length}×`);
          return;
        }
        const end = start + codePointLength(quote);
        report.located++;
        const cur = node.get('start', true);
        if (!(isScalar(cur) && cur.value === start && node.get('end') === end)) {
          node.set('start', start);
          node.set('end', end);
          dirty = true;
          report.changed++;
        }
      },
    });
    report.files++;
    if (dirty) writeFileSync(abs, parsed.doc.toString({ lineWidth: 0 }));
  }
  return report;
}
