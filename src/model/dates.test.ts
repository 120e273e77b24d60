import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePartialDate, periodOfPartial, partialDate, periodOf } from './dates.js';

test('partial dates keep their precision and cover the right days', () => {
  const cases: Array<[string, string, string, string]> = [
    ['2019', 'year', '2019-01-01', '2019-12-31'],
    ['2019-05', 'month', '2019-05-01', '2019-05-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2023-02', 'month', '2023-02-01', '2023-02-28'],
    ['2024-12-13', 'day', '2024-12-13', '2024-12-13'],
  ];
  for (const [text, precision, start, end] of cases) assert.deepEqual(parsePartialDate(text), { text, precision, start, end }, text);
});

test('impossible or malformed dates are rejected with a reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['2023-02-29', /day 29 does not exist/],
    ['2023-13', /month 13 does not exist/],
    ['2023-00-10', /month 00/],
    ['19-05', /not a date/],
    ['2023/05/01', /not a date/],
    ['', /not a date/],
    ['0999', /out of range/],
  ];
  for (const [text, re] of cases) {
    const r = parsePartialDate(text);
    assert.ok('error' in r, text);
    assert.match((r as { error: string }).error, re);
  }
});

test('administrations are derived from dates, inauguration day belonging to the new one', () => {
  assert.equal(periodOf('2021-01-19'), 'trump-1');
  assert.equal(periodOf('2021-01-20'), 'biden');
  assert.equal(periodOf('2025-01-20'), 'trump-2');
  assert.equal(periodOf('2016-12-31'), undefined);
  // A year-precision date falls where most of its days are.
  assert.equal(periodOfPartial(partialDate('2021')), 'biden');
  assert.equal(periodOfPartial(partialDate('2021-01')), 'trump-1');
  assert.equal(periodOfPartial(partialDate('2025')), 'trump-2');
});
