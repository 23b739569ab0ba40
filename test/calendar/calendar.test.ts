import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { WorkCalendar, isIsoDate, weekdayOf, type OverrideMap } from '../../src/core/calendar';
import { CalendarStore } from '../../src/store/calendar';
import { openDb, type Db } from '../../src/store/db';

const NOW = new Date('2026-11-24T10:00:00+08:00');

describe('WorkCalendar on the package data (2026, State Council notice)', () => {
  const cal = new WorkCalendar();

  it('keeps National Day 2026-10-01…07 off and works the adjusted Sunday 09-20 and Saturday 10-10', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      expect(cal.dayKind(d)).toEqual({ workday: false, source: 'package', name: '国庆节' });
    }
    expect(weekdayOf('2026-09-20')).toBe(0);
    expect(cal.dayKind('2026-09-20')).toEqual({ workday: true, source: 'package', name: '国庆节' });
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
    expect(cal.isWorkday('2026-10-11')).toBe(false);
  });

  it('keeps the Spring Festival 2026-02-15…23 off and works Saturdays 02-14 and 02-28', () => {
    expect(cal.workdaysBetween('2026-02-13', '2026-03-02')).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-02',
    ]);
    expect(cal.dayKind('2026-02-16')).toEqual({ workday: false, source: 'package', name: '春节' });
  });

  it('treats an ordinary Saturday as a day off and an ordinary Thursday as a workday', () => {
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(cal.dayKind('2026-11-28')).toEqual({ workday: false, source: 'package' });
    expect(cal.dayKind('2026-11-26')).toEqual({ workday: true, source: 'package' });
  });

  it('counts workdays across the National Day week, including the 调休 Saturday', () => {
    expect(cal.countWorkdays('2026-09-28', '2026-10-11')).toBe(6);
    expect(cal.countWorkdays('2026-10-01', '2026-10-07')).toBe(0);
    expect(cal.countWorkdays('2026-10-11', '2026-10-01')).toBe(0);
    expect(cal.countWorkdays('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('counts across a year boundary: 2026 元旦 off, Sunday 01-04 worked', () => {
    expect(cal.workdaysBetween('2025-12-29', '2026-01-05')).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-04',
      '2026-01-05',
    ]);
    expect(cal.countWorkdays('2025-12-29', '2026-01-05')).toBe(5);
  });

  it('steps to the previous and next workday over holidays', () => {
    expect(cal.previousWorkday('2026-10-08')).toBe('2026-09-30');
    expect(cal.nextWorkday('2026-09-30')).toBe('2026-10-08');
    expect(cal.nextWorkday('2026-02-13')).toBe('2026-02-14');
    expect(cal.previousWorkday('2026-02-24')).toBe('2026-02-14');
    expect(cal.previousWorkday('2026-01-05')).toBe('2026-01-04');
  });

  // The package's functions shift dates by a day west of UTC, which is why the calendar reads its data
  // file; they are asked here in Shanghai time, where they are right, whatever the machine's zone.
  it('agrees with the package API on every day of 2025 and 2026', () => {
    const days = Array.from({ length: 730 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
    const script = `const { isWorkday } = require('chinese-days'); process.stdout.write(JSON.stringify(${JSON.stringify(days)}.map((d) => isWorkday(d))))`;
    const expected = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8' })) as boolean[];
    expect(days.filter((d, i) => cal.isWorkday(d) !== expected[i])).toEqual([]);
  });

  it('rejects strings that are not real dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(() => cal.isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => new WorkCalendar(new Map([['tomorrow', { kind: 'holiday' }]]))).toThrow(RangeError);
  });
});

describe('WorkCalendar coverage and the Monday–Friday fallback', () => {
  it('reports 2004…2026 as covered by the package and a far-future year as not', () => {
    const cal = new WorkCalendar();
    for (let y = 2004; y <= 2026; y++) expect(cal.isCovered(y)).toBe(true);
    expect(cal.isCovered(2003)).toBe(false);
    expect(cal.isCovered(2031)).toBe(false);
    expect(cal.uncoveredYears('2030-06-01', '2032-01-15')).toEqual([2030, 2031, 2032]);
    expect(cal.uncoveredYears('2024-12-01', '2026-02-01')).toEqual([]);
  });

  it('falls back to Monday–Friday in an uncovered year, saying so', () => {
    const cal = new WorkCalendar();
    expect(weekdayOf('2031-10-01')).toBe(3);
    expect(cal.dayKind('2031-10-01')).toEqual({ workday: true, source: 'weekday-fallback' });
    expect(cal.dayKind('2031-10-04')).toEqual({ workday: false, source: 'weekday-fallback' });
    // 2028 starts on a Saturday and is a leap year: 52 full weeks plus a weekend.
    expect(cal.countWorkdays('2028-01-01', '2028-12-31')).toBe(260);
  });

  it('counts a year as covered once an admin has entered any of its days', () => {
    const cal = new WorkCalendar(new Map([['2031-10-01', { kind: 'holiday', note: '国庆节' }]]));
    expect(cal.isCovered(2031)).toBe(true);
    expect(cal.uncoveredYears('2030-06-01', '2032-01-15')).toEqual([2030, 2032]);
    expect(cal.dayKind('2031-10-01')).toEqual({ workday: false, source: 'override', name: '国庆节' });
    expect(cal.dayKind('2031-10-08')).toEqual({ workday: true, source: 'weekday-fallback' });
  });
});

describe('WorkCalendar overrides', () => {
  const overrides: OverrideMap = new Map([
    ['2026-10-01', { kind: 'workday', note: '值班' }],
    ['2026-10-09', { kind: 'holiday', note: null }],
    ['2026-11-28', { kind: 'workday' }],
  ]);
  const cal = new WorkCalendar(overrides);

  it('turns a package holiday into a workday and a package workday into a holiday', () => {
    expect(cal.dayKind('2026-10-01')).toEqual({ workday: true, source: 'override', name: '值班' });
    expect(cal.dayKind('2026-10-09')).toEqual({ workday: false, source: 'override' });
    expect(cal.isWorkday('2026-11-28')).toBe(true);
  });

  it('applies them to counting and stepping', () => {
    expect(cal.workdaysBetween('2026-09-28', '2026-10-11')).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-08',
      '2026-10-10',
    ]);
    expect(cal.countWorkdays('2026-09-28', '2026-10-11')).toBe(6);
    expect(cal.nextWorkday('2026-10-01')).toBe('2026-10-08');
    expect(cal.previousWorkday('2026-10-10')).toBe('2026-10-08');
  });

  it('counts exactly what it lists, over any range and any overrides', () => {
    const date = fc
      .integer({ min: Date.UTC(2025, 10, 1) / 86_400_000, max: Date.UTC(2031, 1, 28) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(date, fc.constantFrom('workday' as const, 'holiday' as const)), { maxLength: 20 }),
        date,
        date,
        (entries, a, b) => {
          const c = new WorkCalendar(new Map(entries.map(([d, kind]) => [d, { kind }])));
          const [from, to] = a <= b ? [a, b] : [b, a];
          const listed = c.workdaysBetween(from, to);
          expect(c.countWorkdays(from, to)).toBe(listed.length);
          for (const [d, kind] of new Map(entries)) expect(c.isWorkday(d)).toBe(kind === 'workday');
          if (listed.length > 1) expect(c.nextWorkday(listed[0]!)).toBe(listed[1]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('CalendarStore', () => {
  let dir: string;
  let db: Db;
  let store: CalendarStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-calendar-'));
    db = openDb(path.join(dir, 'r.db'));
    store = new CalendarStore(db);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sets, replaces, lists by year and removes overrides', () => {
    expect(store.set('2026-10-10', 'holiday', '公司安排', '王主任', NOW)).toEqual({
      date: '2026-10-10',
      kind: 'holiday',
      note: '公司安排',
      setBy: '王主任',
      setAt: '2026-11-24T10:00:00+08:00',
    });
    store.set('2026-10-10', 'workday', null, 'cli', NOW);
    store.set('2027-01-04', 'workday', '调休上班', null, NOW);
    expect(store.all().map((o) => [o.date, o.kind, o.note, o.setBy])).toEqual([
      ['2026-10-10', 'workday', null, 'cli'],
      ['2027-01-04', 'workday', '调休上班', null],
    ]);
    expect(store.list(2027).map((o) => o.date)).toEqual(['2027-01-04']);
    expect(store.list(2028)).toEqual([]);
    expect(store.list()).toEqual(store.all());
    expect(store.remove('2026-10-10')).toBe(true);
    expect(store.remove('2026-10-10')).toBe(false);
    expect(store.all().map((o) => o.date)).toEqual(['2027-01-04']);
  });

  it('sets many days all or none', () => {
    store.setMany(
      [
        { date: '2031-01-01', kind: 'holiday', note: '元旦' },
        { date: '2031-01-05', kind: 'workday', note: null },
      ],
      'cli',
      NOW,
    );
    expect(store.list(2031)).toHaveLength(2);
    const bad = { date: '2031-10-01', kind: 'vacation' } as unknown as { date: string; kind: 'holiday'; note: null };
    expect(() => store.setMany([{ date: '2031-09-30', kind: 'workday', note: null }, bad], 'cli', NOW)).toThrow(
      /CHECK/,
    );
    expect(store.list(2031).map((o) => o.date)).toEqual(['2031-01-01', '2031-01-05']);
  });

  it('feeds WorkCalendar.fromStore', () => {
    store.set('2026-10-01', 'workday', '值班', 'cli', NOW);
    store.set('2031-05-06', 'holiday', null, 'cli', NOW);
    const cal = WorkCalendar.fromStore(store);
    expect(cal.dayKind('2026-10-01')).toEqual({ workday: true, source: 'override', name: '值班' });
    expect(cal.isWorkday('2031-05-06')).toBe(false);
    expect(cal.isCovered(2031)).toBe(true);
  });
});
