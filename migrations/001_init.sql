-- Techfence schema, version 1. Every table the queries read is derived from `records.data` by the loader,
-- except `history` (append-only) and `kb_meta`.

create table kb_meta (
  key text primary key,
  value text not null
);

create table records (
  id text primary key check (id ~ '^[a-z0-9]+([-_][a-z0-9]+)*$'),
  type text not null,
  data jsonb not null,
  origin text not null check (origin in ('dataset', 'user')),
  hash text not null,
  label_en text,
  label_zh text,
  updated_at timestamptz not null default now()
);
create index records_type on records (type);

-- Every name, alias, pinyin and title, with its matching key (normalised: simplified script, no punctuation).
create table names (
  record_id text not null references records (id) on delete cascade,
  kind text not null check (kind in ('en', 'zh-Hans', 'zh-Hant', 'pinyin', 'alias', 'title', 'id')),
  name text not null,
  norm text not null
);
create index names_norm on names (norm text_pattern_ops);
create index names_record on names (record_id);

-- No fact without evidence: the rows here, checked at commit by the trigger below.
create table evidence (
  id bigserial primary key,
  record_id text not null references records (id) on delete cascade,
  part text not null default '',
  source_id text not null references records (id) deferrable initially deferred,
  quote text,
  start_offset integer check (start_offset >= 0),
  end_offset integer check (end_offset > start_offset),
  note text
);
create index evidence_record on evidence (record_id);
create index evidence_source on evidence (source_id);

-- Typed edges between records (the field they came from is the relation).
create table links (
  from_id text not null references records (id) on delete cascade,
  rel text not null,
  to_id text not null references records (id) deferrable initially deferred,
  props jsonb
);
create index links_from on links (from_id, rel);
create index links_to on links (to_id, rel);

create table events (
  id text primary key references records (id) on delete cascade,
  date_text text not null,
  precision text not null check (precision in ('year', 'month', 'day')),
  date_start date not null,
  date_end date not null,
  date_kind text not null,
  period text
);
create index events_date on events (date_start);

create table figures (
  id text primary key references records (id) on delete cascade,
  value double precision not null,
  unit text not null,
  qualifier text not null,
  as_of_text text,
  as_of_start date,
  as_of_end date
);

create table memberships (
  framework_id text not null references records (id) on delete cascade,
  member_id text not null references records (id) deferrable initially deferred,
  seq integer not null,
  role text,
  from_text text,
  from_start date,
  to_text text,
  to_end date,
  check (from_start is null or to_end is null or from_start <= to_end),
  primary key (framework_id, seq)
);
create index memberships_member on memberships (member_id);

-- Intervals in force / in existence: instruments' in_force, frameworks' founded…dissolved.
create table intervals (
  record_id text not null references records (id) on delete cascade,
  kind text not null,
  from_start date,
  to_end date,
  check (from_start is null or to_end is null or from_start <= to_end)
);
create index intervals_record on intervals (record_id);

-- Every change to a record: what, when, by whom. Append-only.
create table history (
  id bigserial primary key,
  record_id text not null,
  action text not null check (action in ('create', 'update', 'delete')),
  at timestamptz not null default now(),
  actor text not null,
  dataset_version text,
  before jsonb,
  after jsonb
);
create index history_record on history (record_id, id);

create function tf_require_evidence() returns trigger language plpgsql as $$
begin
  if new.type not in ('source', 'pillar', 'technology')
     and exists (select 1 from records where id = new.id)
     and not exists (select 1 from evidence where record_id = new.id) then
    raise exception 'record % (%) has no evidence', new.id, new.type using errcode = 'check_violation';
  end if;
  return null;
end
$$;

create constraint trigger records_need_evidence
  after insert or update on records
  deferrable initially deferred
  for each row execute function tf_require_evidence();

create function tf_history_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'history is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger history_append_only before update or delete on history
  for each row execute function tf_history_append_only();
