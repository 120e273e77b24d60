import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isSeq, isMap, type Document } from 'yaml';

/** One record as written in a data file, with where it stands (for error messages). */
export interface RawRecord {
  file: string; // relative to the kb directory
  line: number; // 1-based line of the record's first key
  index: number; // position in the file's list
  data: Record<string, unknown>;
}

export class DataFileError extends Error {
  constructor(public file: string, public line: number | undefined, message: string) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** All `.yaml` / `.yml` files under a directory, sorted for a stable load order. */
export function listDataFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** A curated data file is small by design; anything larger is a mistake (a pasted document, a binary). */
export const MAX_DATA_FILE_BYTES = 1024 * 1024;

function readText(absPath: string, relName: string): string {
  const buf = readFileSync(absPath);
  if (buf.length > MAX_DATA_FILE_BYTES) throw new DataFileError(relName, undefined, `${buf.length} bytes is over the ${MAX_DATA_FILE_BYTES}-byte limit for a data file`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new DataFileError(relName, undefined, 'not valid UTF-8 (data files are UTF-8 text)');
  }
}

export function parseDataFile(absPath: string, relName: string, text?: string): ParsedFile {
  const src = text ?? readText(absPath, relName);
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.pos ? lines.linePos(e.pos[0]).line : undefined;
    throw new DataFileError(relName, line, `not valid YAML: ${e.message.split('\n')[0]}`);
  }
  return { file: relName, doc, lines };
}

/** Read every record of every data file. Throws DataFileError naming the file and line. */
export function readRecords(dir: string): RawRecord[] {
  const out: RawRecord[] = [];
  for (const abs of listDataFiles(dir)) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    out.push(...recordsOf(parseDataFile(abs, rel)));
  }
  return out;
}

export function recordsOf({ file, doc, lines }: ParsedFile): RawRecord[] {
  const contents = doc.contents;
  if (contents === null) return []; // an empty file is allowed
  if (!isSeq(contents)) throw new DataFileError(file, 1, 'a data file must be a YAML list of records');
  return contents.items.map((item, index) => {
    const line = isMap(item) && item.range ? lines.linePos(item.range[0]).line : 1;
    if (!isMap(item)) throw new DataFileError(file, line, `item ${index + 1} is not a record (a YAML mapping)`);
    return { file, line, index, data: item.toJSON() as Record<string, unknown> };
  });
}
