// The core's query API: every CLI command and HTTP endpoint renders one of these results.
export { search, MAX_QUERY_LENGTH, type SearchHit, type SearchOptions } from './search.js';
export { showRecord, NotFoundError, type RecordView, type Ref } from './show.js';
export { timeline, type TimelineFilter, type TimelineEvent } from './timeline.js';
export { membersOn, type MembersReport } from './members.js';
export { changesBetween, type ChangeReport } from './changes.js';
export { figures, type FigureItem } from './figures.js';
export { exportKb, type KbExport } from './export.js';
export { historyOf, type HistoryEntry } from './history.js';
