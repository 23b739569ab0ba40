import type { Bulletin } from '../../src/core/stats/bulletin';
import { cjkFonts } from '../../src/render/chart';
import {
  bulletinImagePng,
  bulletinImageSvg,
  CHART_HEIGHT,
  fitText,
  IMAGE_WIDTH,
  NO_DATA,
  periodLabel,
  tableSvg,
  textWidth,
  townTable,
  wrapText,
  type ImageTable,
} from '../../src/render/image';
import type { GroupFigures, StatsFigures, StatsInput } from '../../src/core/stats/types';
import { schedulePhrase } from '../../src/core/stats/figures';
import { competitionRank, RANK_RULES } from '../../src/core/stats/group';
import { computeStats } from '../../src/core/stats/stats';
import { LIGHT_FILLS } from '../../src/render/xlsx';
import { count, decodePng, diff, ink, type Decoded } from '../support/png';
import { statsProject, statsReport } from '../support/stats';

const fonts = cjkFonts();
const RED = `#${LIGHT_FILLS.red.fill.slice(2)}`;
const YELLOW = `#${LIGHT_FILLS.yellow.fill.slice(2)}`;
const SCHEDULE = 90.7;

interface Town {
  key: string;
  rate: number | null;
  completion?: number | null;
  red?: number;
  yellow?: number;
  open?: number;
}

/** The figures of one 镇街, only what the picture reads filled in. */
function group(t: Town): GroupFigures {
  const completion = t.completion ?? null;
  const ahead = completion === null ? null : Math.round((completion - SCHEDULE) * 10) / 10;
  return {
    key: t.key,
    projects: 5,
    reporting: { due: 25, received: 20, missed: 5, rate: t.rate },
    start: { due: 0, started: 0, rate: null, notStarted: [] },
    registration: { started: 0, registered: 0, rate: null },
    investment: { period: 0, yearToDate: 0, annualPlan: 0, completionRate: completion, aheadPoints: ahead, phrase: ahead === null ? null : schedulePhrase(ahead) },
    progress: { gained: null, measured: 0, stagnant: 0 },
    lights: { red: t.red ?? 0, yellow: t.yellow ?? 0, green: 0, newRed: 0, changed: 0 },
    problems: { raised: 0, closed: 0, open: t.open ?? 0, averageOpenAgeDays: null, oldestOpenDays: null },
    comments: { due: 0, commented: 0, rate: null, averageDelayHours: null },
  };
}

/** A 周调度 of 2026-W48 over hand-made 镇街 figures, ranked as computeStats ranks them. */
function bulletin(towns: Town[]): Bulletin {
  const period = { from: '2026-11-23', to: '2026-11-29' };
  const groups = towns.map(group);
  const figures: StatsFigures = {
    period,
    previous: { from: '2026-11-16', to: '2026-11-22' },
    asOf: period.to,
    grouping: 'town',
    schedulePercent: SCHEDULE,
    overall: group({ key: '全区', rate: null }),
    groups,
    projects: [],
    notStarted: [],
    stagnant: [],
    lightChanges: [],
    problems: [],
    leaders: [],
    rankings: {
      groups: [{ metric: 'reportingRate', rule: RANK_RULES.reportingRate, entries: competitionRank(groups, (g) => g.reporting.rate, (g) => g.key) }],
      projects: [],
    },
  };
  const input: StatsInput = {
    period,
    today: period.to,
    projects: [],
    reports: [],
    stoppages: [],
    problems: [],
    comments: [],
    leaders: new Map(),
    boundSince: new Map(),
    isWorkday: () => true,
  };
  return { kind: 'week', title: '2026年第48周全区重点项目周调度', input, district: figures, byTown: figures, byUnit: figures, previous: null, honours: null };
}

const TOWNS: Town[] = [
  { key: '城关街道', rate: 98.5, completion: 93.9, yellow: 1, open: 2 },
  { key: '东城街道', rate: 100, completion: 96.1 },
  { key: '西湖镇', rate: 87.2, completion: 70.2, red: 2, yellow: 1, open: 5 },
  { key: '北港镇', rate: 100, completion: 102.4 },
  { key: '临港经济区', rate: null },
];

/** x range of a column of the town table (the table is centred in the picture). */
function columnX(t: ImageTable, header: string): [number, number] {
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  let x = Math.round((IMAGE_WIDTH - total) / 2);
  for (const c of t.columns) {
    if (c.header === header) return [x, x + c.width];
    x += c.width;
  }
  throw new Error(`no column ${header}`);
}

const png = (b: Bulletin): Decoded => decodePng(bulletinImagePng(b, fonts));

describe('town ranking table', () => {
  it('lists the 镇街 in reporting-rate order with tied ranks, short 序时进度 and light fills', () => {
    const t = townTable(bulletin(TOWNS));
    expect(t.title).toBe('2026年第48周全区重点项目周调度');
    expect(t.subtitle).toBe('11月23日至11月29日');
    expect(t.columns.map((c) => c.header)).toEqual(['排名', '镇街', '项目数', '报送率', '投资完成率', '较序时进度', '红灯', '黄灯', '未销号问题']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '北港镇', '5', '100.0%', '102.4%', '+11.7', '0', '0', '0'],
      ['1', '东城街道', '5', '100.0%', '96.1%', '+5.4', '0', '0', '0'],
      ['3', '城关街道', '5', '98.5%', '93.9%', '+3.2', '0', '1', '2'],
      ['4', '西湖镇', '5', '87.2%', '70.2%', '-20.5', '2', '1', '5'],
      ['—', '临港经济区', '5', '—', '—', '—', '0', '0', '0'],
    ]);
    expect(t.rows.map((r) => [r.fills?.[6], r.fills?.[7]])).toEqual([
      [null, null],
      [null, null],
      [null, 'yellow'],
      ['red', 'yellow'],
      [null, null],
    ]);
    expect(t.note).toContain(RANK_RULES.reportingRate);
    expect(t.note).toContain('90.7%');
  });

  it('labels the period, a single day and a period still running', () => {
    expect(periodLabel('2026-11-23', '2026-11-29')).toBe('11月23日至11月29日');
    expect(periodLabel('2026-11-24', '2026-11-24')).toBe('11月24日');
    expect(periodLabel('2026-11-01', '2026-11-30', '2026-11-24')).toBe('11月1日至11月30日（截至11月24日）');
  });

  it('estimates widths, truncates with … and wraps notes', () => {
    expect(textWidth('镇街', 20)).toBe(40);
    expect(textWidth('ab', 20)).toBeCloseTo(22);
    expect(fitText('城关街道', 80, 20)).toBe('城关街道');
    expect(fitText('高新技术产业开发区', 80, 20)).toBe('高新技…');
    expect(textWidth(fitText('高新技术产业开发区', 80, 20), 20)).toBeLessThanOrEqual(80);
    expect(wrapText('一二三四五\n六', 60, 20)).toEqual(['一二三', '四五', '六']);
  });

  it('escapes markup and truncates long names in the SVG', () => {
    const { svg } = tableSvg(townTable(bulletin([{ key: '<镇&街>"', rate: 90 }, { key: '高新技术产业开发区管理委员会驻地', rate: 80 }])), fonts);
    expect(svg).toContain('&lt;镇&amp;街&gt;&quot;');
    expect(svg).not.toContain('<镇');
    expect(svg).toContain('高新技术产业…');
    expect(svg).not.toContain('管理委员会');
  });
});

describe('bulletin picture', () => {
  const b = bulletin(TOWNS);
  const img = png(b);
  const table = tableSvg(townTable(b), fonts);

  it('stacks the table above the chart, 900 px wide', () => {
    expect(img.width).toBe(900);
    expect(img.height).toBe(table.height + CHART_HEIGHT);
    const parts = bulletinImageSvg(b, fonts);
    expect([parts.tableHeight, parts.chartHeight, parts.height]).toEqual([table.height, CHART_HEIGHT, img.height]);
    // Both parts carry ink; the corners stay white.
    expect(ink(img, 0, 0, 900, table.height)).toBeGreaterThan(5000);
    expect(ink(img, 0, table.height, 900, img.height)).toBeGreaterThan(5000);
    expect(ink(img, 0, 0, 10, 10)).toBe(0);
    expect(ink(img, 890, img.height - 10, 900, img.height)).toBe(0);
  });

  it('fills the 红灯 cells red where there are red lights, and 黄灯 yellow', () => {
    const t = townTable(b);
    const [rx0, rx1] = columnX(t, '红灯');
    const [yx0, yx1] = columnX(t, '黄灯');
    // One town with red lights (西湖镇, a full cell of about 64 × 42), two with yellow.
    const red = count(img, RED, rx0, 0, rx1, table.height);
    expect(red).toBeGreaterThan(1500);
    expect(red).toBeLessThan(64 * 42);
    expect(count(img, YELLOW, yx0, 0, yx1, table.height)).toBeGreaterThan(2 * 1500);
    // Nowhere else in the table.
    expect(count(img, RED, 0, 0, rx0, table.height) + count(img, RED, rx1, 0, 900, table.height)).toBe(0);

    const calm = png(bulletin(TOWNS.map((x) => ({ ...x, red: 0, yellow: 0 }))));
    expect(count(calm, RED, 0, 0, 900, table.height)).toBe(0);
    expect(count(calm, YELLOW, 0, 0, 900, table.height)).toBe(0);
  });

  it('draws Chinese names as glyphs, not boxes', () => {
    // Same length, same place: empty boxes (.notdef) would be pixel-identical.
    const other = png(bulletin(TOWNS.map((x) => (x.key === '城关街道' ? { ...x, key: '西湖新镇' } : x))));
    const [x0, x1] = columnX(townTable(b), '镇街');
    expect(diff(img, other, x0, 0, x1, table.height)).toBeGreaterThan(300);
    // Only that cell changes in the table.
    expect(diff(img, other, 0, 0, x0, table.height) + diff(img, other, x1, 0, 900, table.height)).toBe(0);
  });

  it('keeps a long name inside its column and renders names with markup', () => {
    const short = png(bulletin([{ key: '南山镇', rate: 90, red: 1 }, ...TOWNS.slice(1)]));
    const long = png(bulletin([{ key: '高新技术产业开发区管理委员会驻地', rate: 90, red: 1 }, ...TOWNS.slice(1)]));
    const [, x1] = columnX(townTable(b), '镇街');
    expect(long.height).toBe(short.height);
    const tableHeight = tableSvg(townTable(bulletin(TOWNS)), fonts).height;
    // Columns right of 镇街 are untouched by the long name.
    expect(diff(short, long, x1, 0, 900, tableHeight)).toBe(0);

    const marked = png(bulletin([{ key: '<镇&街>', rate: 90 }, ...TOWNS.slice(1)]));
    expect(marked.width).toBe(900);
    expect(diff(marked, short, 0, 0, x1, tableHeight)).toBeGreaterThan(100);
  });

  it('says 暂无数据 and leaves out the chart when there are no 镇街', () => {
    const empty = bulletin([]);
    const parts = bulletinImageSvg(empty, fonts);
    expect(parts.svg).toContain(NO_DATA);
    expect(parts.chartHeight).toBe(0);
    const pic = png(empty);
    expect([pic.width, pic.height]).toEqual([900, parts.tableHeight]);
    expect(ink(pic)).toBeGreaterThan(2000);
  });
});

describe('bulletin picture from computed figures', () => {
  it('ranks the towns of a small week', () => {
    const period = { from: '2026-11-23', to: '2026-11-29' };
    const input: StatsInput = {
      period,
      today: '2026-11-29',
      projects: [
        statsProject({ id: 1, name: '城关污水厂', town: '城关街道', annualPlan: 1000, plannedStart: '2026-03-01' }),
        statsProject({ id: 2, name: '西湖大桥', town: '西湖镇', annualPlan: 500, plannedStart: '2026-03-01' }),
      ],
      reports: [
        ...['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map((d) => statsReport(1, d, { investmentCumulative: 950 })),
        statsReport(2, '2026-11-23', { investmentCumulative: 200 }),
      ],
      stoppages: [],
      problems: [],
      comments: [],
      leaders: new Map(),
      boundSince: new Map([
        [1, '2026-11-01'],
        [2, '2026-11-01'],
      ]),
      isWorkday: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    };
    const byTown = computeStats(input, 'town');
    const b: Bulletin = { kind: 'week', title: '2026年第48周全区重点项目周调度', input, district: computeStats(input), byTown, byUnit: byTown, previous: null, honours: null };
    const rows = townTable(b).rows.map((r) => r.cells.slice(0, 5));
    expect(rows).toEqual([
      ['1', '城关街道', '1', '100.0%', '95.0%'],
      ['2', '西湖镇', '1', '20.0%', '40.0%'],
    ]);
    const pic = decodePng(bulletinImagePng(b, fonts));
    expect(pic.width).toBe(900);
    expect(pic.height).toBe(tableSvg(townTable(b), fonts).height + CHART_HEIGHT);
  });
});
