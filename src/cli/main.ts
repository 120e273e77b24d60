/**
 * The `techfence` command: a thin layer that parses arguments, calls one core function and renders its result
 * (a table for people, --json for machines). Modules are imported per command so a query starts fast.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Opts = Record<string, string | boolean | undefined>;
interface Command {
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  run(args: string[], opts: Opts): Promise<number>;
}

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const json = (v: unknown) => out(JSON.stringify(v, null, 2));
const str = (o: Opts, k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);

/** Phase marks (ms since process start) for TECHFENCE_TIMING=1: where a command's time goes. */
export const marks: Array<[string, number]> = [];
const mark = (name: string) => marks.push([name, performance.now()]);

async function withStore<T>(fn: (db: import('../storage/store.js').Store) => Promise<T>): Promise<T> {
  mark('imports');
  const { openStore, ensureReady } = await import('../storage/index.js');
  const db = await openStore();
  mark('open');
  try {
    await ensureReady(db);
    mark('ready');
    const r = await fn(db);
    mark('query');
    return r;
  } finally {
    await db.close();
    mark('close');
  }
}

const jsonOpt = { json: { type: 'boolean' as const } };

export const COMMANDS: Record<string, Command> = {
  search: {
    summary: 'find records by name or alias, in English, 简体 or 繁體',
    usage: 'techfence search <words> [--type instrument,framework,…] [--limit N] [--json]',
    options: { ...jsonOpt, type: { type: 'string' }, limit: { type: 'string' } },
    async run(args, o) {
      const q = args.join(' ').trim();
      if (!q) throw new UsageError('search: give some words to look for, e.g. techfence search 实体清单');
      const { search } = await import('../queries/search.js');
      const limit = str(o, 'limit') ? Number(str(o, 'limit')) : undefined;
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit: "${str(o, 'limit')}" is not a positive whole number`);
      const hits = await withStore((db) => search(db, q, { types: str(o, 'type')?.split(','), limit }));
      if (o.json) return json(hits), 0;
      const { table, label } = await import('./format.js');
      if (!hits.length) return out(`no match for "${q}"`), 1;
      out(table(['id', 'type', 'name', 'matched', 'how', 'score'], hits.map((h) => [h.id, h.type, label(h.label), h.matched, h.how, h.score])));
      return 0;
    },
  },
  show: {
    summary: 'one record with its relations, memberships, evidence and history',
    usage: 'techfence show <id> [--json]',
    options: jsonOpt,
    async run(args, o) {
      if (args.length !== 1) throw new UsageError('show: give one record id, e.g. techfence show entity-list');
      const { showRecord } = await import('../queries/show.js');
      const v = await withStore((db) => showRecord(db, args[0]!));
      if (o.json) return json(v), 0;
      const { renderRecord } = await import('./render.js');
      out(renderRecord(v));
      return 0;
    },
  },
  timeline: {
    summary: 'dated events in order, filtered by pillar, technology, actor, framework, period or dates',
    usage: 'techfence timeline [--pillar P] [--technology T] [--actor A] [--target T] [--framework F] [--instrument I] [--about ID] [--period trump-1|biden|trump-2] [--from D] [--to D] [--json]',
    options: {
      ...jsonOpt, pillar: { type: 'string' }, technology: { type: 'string' }, actor: { type: 'string' }, target: { type: 'string' },
      framework: { type: 'string' }, instrument: { type: 'string' }, about: { type: 'string' }, period: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' },
    },
    async run(args, o) {
      if (args.length) throw new UsageError(`timeline: unexpected "${args[0]}" (filters are options, e.g. --pillar export_control)`);
      const { timeline } = await import('../queries/timeline.js');
      const f = Object.fromEntries(['pillar', 'technology', 'actor', 'target', 'framework', 'instrument', 'about', 'period', 'from', 'to'].map((k) => [k, str(o, k)]));
      const evs = await withStore((db) => timeline(db, { ...f, limit: str(o, 'limit') ? Number(str(o, 'limit')) : undefined }));
      if (o.json) return json(evs), 0;
      const { table, label } = await import('./format.js');
      const { truncate } = await import('./format.js');
      out(table(['date', 'period', 'event', 'pillars', 'id'], evs.map((e) => [e.date, e.period ?? '', label(e.title), truncate(e.pillars.join(','), 32), e.id]), 70));
      out(`${evs.length} events`);
      return 0;
    },
  },
  members: {
    summary: 'members of a framework on a date',
    usage: 'techfence members <framework-id> [--on YYYY-MM-DD] [--json]',
    options: { ...jsonOpt, on: { type: 'string' } },
    async run(args, o) {
      if (args.length !== 1) throw new UsageError('members: give one framework id, e.g. techfence members artemis-accords --on 2024-12-13');
      const { membersOn } = await import('../queries/members.js');
      const on = str(o, 'on') ?? new Date().toISOString().slice(0, 10);
      const r = await withStore((db) => membersOn(db, args[0]!, on));
      if (o.json) return json(r), 0;
      const { table, label } = await import('./format.js');
      out(`${label(r.framework.label)} on ${r.on}: ${r.members.length} members recorded${r.existsOnDate ? '' : ` (founded ${r.founded}: not yet in existence)`}`);
      if (r.members.length) out(table(['member', 'name', 'since', 'role', 'sources'], r.members.map((m) => [m.member.id, label(m.member.label), m.from ?? (r.founded ? `founding (${r.founded})` : 'unknown'), m.role ?? '', m.sources.join(',')])));
      if (r.laterMembers.length) out(`joined later: ${r.laterMembers.map((m) => `${m.member.id} (${m.from})`).join(', ')}`);
      if (r.formerMembers.length) out(`had left: ${r.formerMembers.map((m) => `${m.member.id} (${m.to})`).join(', ')}`);
      return 0;
    },
  },
  changes: {
    summary: 'what changed between two dates: events, memberships, instruments in force',
    usage: 'techfence changes --from D1 --to D2 [--json]',
    options: { ...jsonOpt, from: { type: 'string' }, to: { type: 'string' } },
    async run(_args, o) {
      const from = str(o, 'from');
      const to = str(o, 'to');
      if (!from || !to) throw new UsageError('changes: give --from and --to dates, e.g. --from 2024-01-01 --to 2025-06-30');
      const { changesBetween } = await import('../queries/changes.js');
      const r = await withStore((db) => changesBetween(db, from, to));
      if (o.json) return json(r), 0;
      const { table, label } = await import('./format.js');
      out(`Changes after ${r.from} up to ${r.to}`);
      out(`\nEvents (${r.events.length})`);
      if (r.events.length) out(table(['date', 'event', 'id'], r.events.map((e) => [e.date, label(e.title), e.id]), 70));
      const list = (title: string, items: Array<{ date: string; framework?: { label: any }; member?: { id: string }; record?: { id: string; label: any } }>) => {
        if (!items.length) return;
        out(`\n${title} (${items.length})`);
        for (const i of items) out(`  ${i.date}  ${i.member ? `${i.member.id} → ${label(i.framework!.label)}` : `${i.record!.id} (${label(i.record!.label)})`}`);
      };
      list('Joined', r.joined);
      list('Left', r.left);
      list('Entered into force', r.enteredIntoForce);
      list('Ended', r.endedInForce);
      list('Frameworks founded', r.frameworksFounded);
      return 0;
    },
  },
  figures: {
    summary: 'quantitative figures, by topic (a word, pillar, technology or subject)',
    usage: 'techfence figures [topic] [--json]',
    options: jsonOpt,
    async run(args, o) {
      const { figures } = await import('../queries/figures.js');
      const rows = await withStore((db) => figures(db, args.join(' ') || undefined));
      if (o.json) return json(rows), 0;
      const { table, label } = await import('./format.js');
      out(table(['as of', 'value', 'unit', 'measure', 'source', 'id'], rows.map((f) => [f.asOf ?? '', `${f.qualifier === 'exact' ? '' : f.qualifier + ' '}${f.value}`, f.unit, label(f.measure), f.source ?? '', f.id]), 70));
      out(`${rows.length} figures`);
      return 0;
    },
  },
  export: {
    summary: 'the whole knowledge base (records, relations, evidence) as one JSON document',
    usage: 'techfence export --json [--out FILE]',
    options: { ...jsonOpt, out: { type: 'string' } },
    async run(_args, o) {
      if (!o.json) throw new UsageError('export: only --json is supported for now (techfence export --json)');
      const { exportKb } = await import('../queries/export.js');
      const doc = await withStore((db) => exportKb(db));
      const text = JSON.stringify(doc, null, 2);
      const file = str(o, 'out');
      if (file) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(file, text);
        process.stderr.write(`wrote ${doc.records.length} records to ${file}\n`);
      } else out(text);
      return 0;
    },
  },
  validate: {
    summary: 'check the curated data: schema, references, intervals, collisions, evidence quotes',
    usage: 'techfence validate [--kb DIR] [--seeds DIR] [--json]',
    options: { ...jsonOpt, kb: { type: 'string' }, seeds: { type: 'string' } },
    async run(_args, o) {
      const { validateKb, formatIssue } = await import('../dataset/validate.js');
      const { kbDir, seedsDir } = await import('../dataset/paths.js');
      const res = validateKb(str(o, 'kb') ?? kbDir, { seedsDir: str(o, 'seeds') ?? seedsDir() });
      if (o.json) return json({ errors: res.errors, warnings: res.warnings, records: res.records.length }), res.errors.length ? 1 : 0;
      for (const w of res.warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);
      for (const e of res.errors) process.stderr.write(`${formatIssue(e)}\n`);
      const counts: Record<string, number> = {};
      for (const r of res.records) counts[r.type] = (counts[r.type] ?? 0) + 1;
      out(`${res.records.length} records (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}); ${res.errors.length} errors, ${res.warnings.length} warnings`);
      return res.errors.length ? 1 : 0;
    },
  },
  evidence: {
    summary: 'evidence tools: `evidence locate [FILES]` writes the offsets of every quote',
    usage: 'techfence evidence locate [data files…]',
    async run(args) {
      if (args[0] !== 'locate') throw new UsageError('evidence: the only subcommand is `locate`');
      const { kbDir, seedsDir } = await import('../dataset/paths.js');
      const { loadSourceTexts, locateEvidence } = await import('../dataset/locate.js');
      const path = await import('node:path');
      const texts = loadSourceTexts(kbDir, seedsDir());
      const files = args.slice(1).map((f) => path.resolve(f));
      const r = locateEvidence(kbDir, texts, files.length ? files : undefined);
      for (const p of r.problems) process.stderr.write(p + '\n');
      out(`${r.files} files, ${r.located} quotes located, ${r.changed} offsets written, ${r.problems.length} problems`);
      return r.problems.length ? 1 : 0;
    },
  },
  add: {
    summary: 'add or replace records from a YAML file (kept across dataset updates, recorded in history)',
    usage: 'techfence add <file.yaml> [--actor NAME]',
    options: { actor: { type: 'string' } },
    async run(args, o) {
      if (args.length !== 1) throw new UsageError('add: give one YAML file holding a list of records');
      const { addRecordsFromFile } = await import('../dataset/add.js');
      const r = await withStore((db) => addRecordsFromFile(db, args[0]!, str(o, 'actor') ?? process.env.USER ?? 'cli'));
      out(`${r.created} created, ${r.updated} updated`);
      return 0;
    },
  },
  history: {
    summary: 'every change to a record: what, when, by whom',
    usage: 'techfence history <id> [--json]',
    options: jsonOpt,
    async run(args, o) {
      if (args.length !== 1) throw new UsageError('history: give one record id');
      const { historyOf } = await import('../queries/history.js');
      const rows = await withStore((db) => historyOf(db, args[0]!));
      if (o.json) return json(rows), 0;
      const { table } = await import('./format.js');
      if (!rows.length) return out(`no history for "${args[0]}"`), 1;
      out(table(['#', 'action', 'at', 'by'], rows.map((r) => [r.id, r.action, r.at, r.actor])));
      return 0;
    },
  },
  serve: {
    summary: 'serve the HTTP JSON API (HOST, PORT; loopback:8080 by default)',
    usage: 'techfence serve [--host H] [--port P]',
    options: { host: { type: 'string' }, port: { type: 'string' } },
    async run(_args, o) {
      const { serve } = await import('../api/server.js');
      const host = str(o, 'host') ?? process.env.HOST ?? '127.0.0.1';
      const port = Number(str(o, 'port') ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`port "${str(o, 'port') ?? process.env.PORT}" is not a TCP port`);
      await serve({ host, port });
      return new Promise<number>(() => undefined); // runs until stopped
    },
  },
};

function help(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'techfence — the US–China technology-control regime, sourced and bilingual',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`),
    '',
    'Storage: embedded PostgreSQL (PGlite) in TECHFENCE_DATA_DIR, or a server at DATABASE_URL.',
    'Run `techfence help <command>` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const c = rest[0] ? COMMANDS[rest[0]] : undefined;
    out(c ? `${c.usage}\n\n${c.summary}` : help());
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`techfence: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: cmd.options ?? {}, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(`${name}: ${(e as Error).message}`);
    }
    const code = await cmd.run(parsed.positionals, parsed.values as Opts);
    if (process.env.TECHFENCE_TIMING) {
      mark('output');
      let prev = 0;
      process.stderr.write(`timing: ${marks.map(([n, t]) => `${n} ${(t - prev).toFixed(0)}ms${((prev = t), '')}`).join(', ')}\n`);
    }
    return code;
  } catch (e) {
    const err = e as Error & { detail?: string };
    if (e instanceof UsageError) {
      process.stderr.write(`techfence: ${err.message}\nusage: ${cmd.usage}\n`);
      return 2;
    }
    process.stderr.write(`techfence: ${err.message}${err.detail ? ` (${err.detail})` : ''}\n`);
    if (process.env.TECHFENCE_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
