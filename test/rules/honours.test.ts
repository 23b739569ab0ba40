import { WorkCalendar } from '../../src/core/calendar';
import { periodOf } from '../../src/core/stats/period';
import type { Light, NotStarted, ProjectFigures, StatsReport } from '../../src/core/stats/types';
import { computeStats } from '../../src/core/stats/stats';
import { DEFAULT_HONOUR_RULES, honours, type HonourInput, type HonourRules } from '../../src/core/stats/honours';
import { currentHonourRules, describeHonourRules, setHonourRule } from '../../src/features/rule-settings';
import type { Warning } from '../../src/core/rules/warnings';
import { openDb, type Db } from '../../src/store/db';
import { SettingsStore } from '../../src/store/settings';
import { addDays } from '../../src/time/clock';
import { statsProject, statsReport } from '../support/stats';

const NOVEMBER = periodOf('month', '2026-11');

interface Shape {
  rate?: number | null;
  due?: number;
  light?: Light;
  ahead?: number | null;
  plan?: number | null;
  gained?: number | null;
  stagnant?: number;
  warnings?: Warning[];
  started?: boolean;
  dueToStart?: boolean;
}

/** A project's figures, by default a model one: every report sent, green, 2 points ahead of schedule. */
function pf(id: number, name: string, o: Shape = {}): ProjectFigures {
  const due = o.due ?? 20;
  const rate = o.rate === undefined ? 100 : o.rate;
  const received = rate === null ? 0 : Math.round((rate * due) / 100);
  const ahead = o.ahead === undefined ? 2 : o.ahead;
  const plan = o.plan === undefined ? 1000 : o.plan;
  return {
    id,
    name,
    groups: ['全区'],
    reporting: { due, received, missed: due - received, rate },
    started: o.started ?? true,
    dueToStart: o.dueToStart ?? true,
    investment: {
      period: 50,
      basis: 'cumulative',
      yearToDate: ahead === null ? null : 915 + ahead * 10,
      annualPlan: plan,
      completionRate: ahead === null ? null : 91.5 + ahead,
      aheadPoints: ahead,
      phrase: null,
    },
    progress: { start: 40, end: 43, gained: o.gained === undefined ? 3 : o.gained, basis: 'cumulative' },
    stagnant: o.stagnant === undefined ? null : { projectId: id, name, percent: 40, since: addDays('2026-11-30', -o.stagnant), days: o.stagnant },
    light: o.light ?? 'green',
    previousLight: 'green',
    warnings: o.warnings ?? [],
  };
}

const red = (p: { id: number; name: string }, kind: Warning['kind'], text: string): Warning => ({ projectId: p.id, kind, level: 'red', text: `${p.name} ${text}` });
const late = (id: number, name: string, daysOverdue: number): NotStarted => ({ projectId: id, name, unit: null, plannedStart: addDays('2026-11-30', -daysOverdue), daysOverdue });

function figures(projects: ProjectFigures[], notStarted: NotStarted[] = [], period = NOVEMBER): HonourInput {
  return { period, projects, notStarted };
}

const rules = (over: Partial<HonourRules> = {}): HonourRules => ({ ...DEFAULT_HONOUR_RULES, ...over });
const run = (ps: ProjectFigures[], ns: NotStarted[] = [], over: Partial<HonourRules> = {}) => honours(figures(ps, ns), rules(over));
const names = (hs: { name: string }[]) => hs.map((h) => h.name);

describe('commendations', () => {
  it('commends a project that reported every day, is green and keeps up with the 序时进度, saying why', () => {
    expect(run([pf(1, '甲项目')])).toEqual({
      commended: [{ projectId: 1, name: '甲项目', reasons: ['日报报送率 100.0%', '绿灯', '投资完成率 93.5%，超序时进度 2.0 个百分点'] }],
      criticised: [],
    });
    // Exactly on schedule counts.
    expect(run([pf(1, '甲项目', { ahead: 0 })]).commended[0]!.reasons[2]).toBe('投资完成率 91.5%，与序时进度持平');
  });

  it('needs all of full reporting, a green light and investment on schedule', () => {
    expect(run([pf(1, '甲', { rate: 95 }), pf(2, '乙', { light: 'yellow' }), pf(3, '丙', { ahead: -0.1 }), pf(4, '丁', { ahead: null })]).commended).toEqual([]);
    // A lower bar set by an admin lets 95% through.
    expect(names(run([pf(1, '甲', { rate: 95 })], [], { commendRate: 95 }).commended)).toEqual(['甲']);
  });

  it('judges a project without an annual plan by its progress gained', () => {
    const { commended } = run([pf(1, '甲', { plan: null, ahead: null, gained: 5 }), pf(2, '乙', { plan: null, ahead: null, gained: 4.9 })]);
    expect(commended).toEqual([{ projectId: 1, name: '甲', reasons: ['日报报送率 100.0%', '绿灯', '形象进度本月提升 5.0 个百分点'] }]);
    // With a plan, progress does not make up for investment behind schedule.
    expect(run([pf(3, '丙', { ahead: -5, gained: 20 })]).commended).toEqual([]);
    // Outside a calendar month the period is 本期.
    const week = honours(figures([pf(1, '甲', { plan: null, ahead: null, gained: 6 })], [], periodOf('week', '2026-W48')), rules());
    expect(week.commended[0]!.reasons[2]).toBe('形象进度本期提升 6.0 个百分点');
  });

  it('mentions progress as well when a project on schedule also gained enough', () => {
    expect(run([pf(1, '甲', { gained: 8 })]).commended[0]!.reasons).toEqual(['日报报送率 100.0%', '绿灯', '投资完成率 93.5%，超序时进度 2.0 个百分点', '形象进度本月提升 8.0 个百分点']);
  });

  it('lists the best first: ahead of schedule, then progress gained, then name', () => {
    const ps = [
      pf(1, '乙', { ahead: 1, gained: 2 }),
      pf(2, '甲', { ahead: 1, gained: 2 }),
      pf(3, '丙', { ahead: 1, gained: 4 }),
      pf(4, '丁', { ahead: 6 }),
      pf(5, '戊', { plan: null, ahead: null, gained: 9 }),
      pf(6, '己', { plan: null, ahead: null, gained: 12 }),
    ];
    expect(names(run(ps).commended)).toEqual(['丁', '丙', '甲', '乙', '己', '戊']);
  });

  it('commends at most the configured number', () => {
    const ps = Array.from({ length: 12 }, (_, i) => pf(i + 1, `项目${String(i + 1).padStart(2, '0')}`, { ahead: i }));
    const { commended } = run(ps);
    expect(commended).toHaveLength(10);
    expect(commended[0]!.name).toBe('项目12');
    expect(commended[9]!.name).toBe('项目03');
    expect(run(ps, [], { commendLimit: 3 }).commended.map((h) => h.projectId)).toEqual([12, 11, 10]);
    expect(run(ps, [], { commendLimit: 0 }).commended).toEqual([]);
  });
});

describe('criticisms', () => {
  it('criticises a reporting rate below the bar', () => {
    expect(run([pf(1, '甲', { rate: 65 })]).criticised).toEqual([{ projectId: 1, name: '甲', reasons: ['日报报送率 65.0%（低于 80%）'] }]);
    // 80% is not below 80%; nor is it commended.
    expect(run([pf(1, '甲', { rate: 80 })])).toEqual({ commended: [], criticised: [] });
    expect(run([pf(1, '甲', { rate: 80 })], [], { criticiseRate: 85 }).criticised[0]!.reasons).toEqual(['日报报送率 80.0%（低于 85%）']);
  });

  it('criticises a red light at the end of the period, citing the red warnings without the name', () => {
    const p = { id: 1, name: '甲项目' };
    const warnings: Warning[] = [
      red(p, 'missing', '已连续 3 个工作日未报日报'),
      { projectId: 1, kind: 'behindPlan', level: 'yellow', text: '甲项目 形象进度 40%，序时进度 52%，落后 12 个百分点' },
      red(p, 'unregistered', '开工 70 天仍未入库（入统）'),
    ];
    expect(run([pf(1, '甲项目', { light: 'red', warnings })]).criticised[0]!.reasons).toEqual(['红灯：连续 3 个工作日未报日报；开工 70 天仍未入库（入统）']);
    // A yellow light is not criticised.
    expect(run([pf(1, '甲项目', { light: 'yellow', warnings: warnings.slice(1, 2) })]).criticised).toEqual([]);
  });

  it('criticises a start overdue by the configured days, once', () => {
    const p = { id: 3, name: '丙项目' };
    const notStarted = { started: false, rate: 100, light: 'red' as const, ahead: null, gained: null, warnings: [red(p, 'notStarted', '计划 2026-10-19 开工，至今未开工，已逾期 42 天')] };
    // The red 未开工 warning says the same as the overdue line: one line only.
    expect(run([pf(3, '丙项目', notStarted)], [late(3, '丙项目', 42)]).criticised).toEqual([{ projectId: 3, name: '丙项目', reasons: ['逾期 42 天未开工'] }]);
    expect(run([pf(3, '丙项目', notStarted)], [late(3, '丙项目', 30)]).criticised[0]!.reasons).toEqual(['逾期 30 天未开工']);
    expect(run([pf(3, '丙项目', { ...notStarted, light: 'yellow', warnings: [] })], [late(3, '丙项目', 29)]).criticised).toEqual([]);
    // With a longer allowance, the red light still speaks.
    expect(run([pf(3, '丙项目', notStarted)], [late(3, '丙项目', 42)], { criticiseOverdueDays: 60 }).criticised[0]!.reasons).toEqual([
      '红灯：计划 2026-10-19 开工，至今未开工，已逾期 42 天',
    ]);
  });

  it('criticises stagnant progress', () => {
    expect(run([pf(1, '甲', { stagnant: 18 })]).criticised[0]!.reasons).toEqual(['形象进度 18 天无变化']);
    expect(run([pf(1, '甲', { stagnant: 14 })]).criticised[0]!.reasons).toEqual(['形象进度 14 天无变化']);
    expect(run([pf(1, '甲', { stagnant: 18 })], [], { criticiseStagnantDays: 20 }).criticised).toEqual([]);
  });

  it('lists every reason that hits, and puts projects with more reasons first', () => {
    const p = { id: 2, name: '乙项目' };
    const all = pf(2, '乙项目', { rate: 65, light: 'red', stagnant: 21, warnings: [red(p, 'missing', '已连续 3 个工作日未报日报')] });
    const { criticised } = run([pf(1, '甲项目', { rate: 50 }), all, pf(3, '丁项目', { stagnant: 30, rate: 70 })]);
    expect(criticised).toEqual([
      { projectId: 2, name: '乙项目', reasons: ['日报报送率 65.0%（低于 80%）', '红灯：连续 3 个工作日未报日报', '形象进度 21 天无变化'] },
      { projectId: 3, name: '丁项目', reasons: ['日报报送率 70.0%（低于 80%）', '形象进度 30 天无变化'] },
      { projectId: 1, name: '甲项目', reasons: ['日报报送率 50.0%（低于 80%）'] },
    ]);
  });

  it('never commends a criticised project', () => {
    expect(run([pf(1, '甲', { ahead: 5, stagnant: 20 })])).toEqual({ commended: [], criticised: [{ projectId: 1, name: '甲', reasons: ['形象进度 20 天无变化'] }] });
  });
});

describe('projects that owed nothing', () => {
  it('are neither commended nor criticised', () => {
    const p = { id: 1, name: '甲' };
    // Not due to start, no report due (e.g. its group not bound yet), red and stagnant all the same.
    const idle = pf(1, '甲', { due: 0, rate: null, dueToStart: false, started: false, light: 'red', stagnant: 30, warnings: [red(p, 'behindPlan', '落后 40 个百分点')] });
    // Started, but nothing due in the period (stopped, or unbound).
    const unbound = pf(2, '乙', { due: 0, rate: null, stagnant: 30 });
    expect(run([idle, unbound])).toEqual({ commended: [], criticised: [] });
  });

  it('still answer for a start that is overdue', () => {
    expect(run([pf(3, '丙', { due: 0, rate: null, started: false, ahead: null })], [late(3, '丙', 45)]).criticised).toEqual([
      { projectId: 3, name: '丙', reasons: ['逾期 45 天未开工'] },
    ]);
  });
});

describe('honours on computed figures', () => {
  // November 2026, figures to 30 Nov: 序时进度 = day 334 of 365 = 91.5%.
  const workdays: string[] = [];
  const calendar = new WorkCalendar();
  for (let d = NOVEMBER.from; d <= NOVEMBER.to; d = addDays(d, 1)) if (calendar.isWorkday(d)) workdays.push(d);
  const projects = [
    statsProject({ id: 1, name: '甲项目', plannedStart: '2026-03-01', annualPlan: 1000 }),
    statsProject({ id: 2, name: '乙项目', plannedStart: '2026-03-01' }),
    statsProject({ id: 3, name: '丙项目', status: '未开工', plannedStart: '2026-10-01' }),
    statsProject({ id: 4, name: '丁项目', status: '已竣工', plannedStart: '2025-03-01' }),
  ];
  const at = statsReport;
  const reports: StatsReport[] = [
    at(1, '2025-12-31', { investmentCumulative: 0 }),
    // 甲 reports every workday, ending at 950 of a 1000 plan (95.0%, 3.5 points ahead), progress rising.
    ...workdays.map((d, i) => at(1, d, { investmentCumulative: 900 + (50 * (i + 1)) / workdays.length, progressPercent: 50 + i })),
    // 乙 last reported in October.
    at(2, '2026-10-30', { progressPercent: 30 }),
    // 丙 reports daily but has not started since 1 Oct: 60 days late on 30 Nov.
    ...workdays.map((d) => at(3, d)),
  ];
  const stats = computeStats({
    period: NOVEMBER,
    today: '2026-12-01',
    projects,
    reports,
    stoppages: [],
    problems: [],
    comments: [],
    leaders: new Map(),
    boundSince: new Map([
      [1, '2026-09-01'],
      [2, '2026-09-01'],
      [3, '2026-09-01'],
      [4, '2026-09-01'],
    ]),
    isWorkday: calendar.isWorkday,
  });

  it('commends, criticises and leaves alone as the rules say', () => {
    const { commended, criticised } = honours(stats, DEFAULT_HONOUR_RULES);
    expect(commended).toEqual([{ projectId: 1, name: '甲项目', reasons: ['日报报送率 100.0%', '绿灯', '投资完成率 95.0%，超序时进度 3.5 个百分点', `形象进度本月提升 ${(workdays.length - 1).toFixed(1)} 个百分点`] }]);
    expect(criticised.map((h) => h.name)).toEqual(['乙项目', '丙项目']);
    const [yi, bing] = criticised;
    expect(yi!.reasons).toHaveLength(3);
    expect(yi!.reasons[0]).toBe('日报报送率 0.0%（低于 80%）');
    expect(yi!.reasons[1]).toMatch(/^红灯：连续 \d+ 个工作日未报日报$/);
    expect(yi!.reasons[2]).toBe('形象进度 31 天无变化');
    expect(bing!.reasons).toEqual(['逾期 60 天未开工']);
  });
});

describe('admin-set honour rules', () => {
  let db: Db;
  let settings: SettingsStore;
  const now = new Date('2026-11-24T10:00:00+08:00');
  const changes = () => db.prepare("SELECT subject, old_value, new_value, changed_by FROM setting_changes WHERE subject LIKE 'honour.%' ORDER BY id").all();
  beforeEach(() => {
    db = openDb(':memory:');
    settings = new SettingsStore(db);
  });
  afterEach(() => db.close());

  it('starts from the defaults and describes them', () => {
    expect(currentHonourRules(settings)).toEqual(DEFAULT_HONOUR_RULES);
    const text = describeHonourRules(settings);
    expect(text).toContain('表扬：报送率 ≥ 100%、月末绿灯');
    expect(text).toContain('批评（满足任一）：报送率 < 80%；月末红灯；逾期 ≥ 30 天未开工；形象进度 ≥ 14 天无变化');
    expect(text).toContain('· 表扬名额：10 个');
    expect(text).toContain('· 批评报送率：80%');
    expect(text).toContain('修改：#设置 通报 名称 数值');
  });

  it('changes a rule and records old → new', () => {
    expect(setHonourRule(settings, '批评报送率', '85', '李主任', now)).toEqual({ ok: true, message: '已将通报规则「批评报送率」由 80% 改为 85%，下次月通报起生效。' });
    expect(setHonourRule(settings, '批评报送率', '90%', '张科长', now).ok).toBe(true);
    expect(setHonourRule(settings, '批评逾期未开工天数', '45', '李主任', now).message).toBe('已将通报规则「批评逾期未开工天数」由 30 天 改为 45 天，下次月通报起生效。');
    expect(setHonourRule(settings, '表扬名额', '0', '李主任', now).ok).toBe(true);
    expect(currentHonourRules(settings)).toEqual({ ...DEFAULT_HONOUR_RULES, criticiseRate: 90, criticiseOverdueDays: 45, commendLimit: 0 });
    expect(describeHonourRules(settings)).toContain('报送率 < 90%');
    expect(changes()).toEqual([
      { subject: 'honour.criticiseRate', old_value: '80', new_value: '85', changed_by: '李主任' },
      { subject: 'honour.criticiseRate', old_value: '85', new_value: '90', changed_by: '张科长' },
      { subject: 'honour.criticiseOverdueDays', old_value: '30', new_value: '45', changed_by: '李主任' },
      { subject: 'honour.commendLimit', old_value: '10', new_value: '0', changed_by: '李主任' },
    ]);
  });

  it('refuses unknown names, bad numbers and a criticism bar above the commendation bar, changing nothing', () => {
    const refused = (name: string, value: string) => {
      const r = setHonourRule(settings, name, value, '李主任', now);
      expect(r.ok).toBe(false);
      return r.message;
    };
    expect(refused('批评率', '85')).toBe(
      '没有「批评率」这项通报规则。可设置：表扬报送率、表扬名额、表扬进度、批评报送率、批评逾期未开工天数、批评停滞天数，例如 #设置 通报 批评报送率 85',
    );
    expect(refused('批评报送率', '很多')).toBe('批评报送率应为 1–100 的整数（%），读到「很多」。例如 #设置 通报 批评报送率 80');
    expect(refused('批评报送率', '85.5')).toContain('应为 1–100 的整数');
    expect(refused('批评报送率', '')).toContain('应为 1–100 的整数');
    expect(refused('表扬名额', '51')).toContain('表扬名额应为 0–50 的整数（个）');
    expect(refused('表扬报送率', '101')).toContain('应为 1–100 的整数');
    expect(refused('批评停滞天数', '10')).toContain('批评停滞天数应为 14–365 的整数（天）');
    expect(refused('批评逾期未开工天数', '0')).toContain('应为 1–365 的整数');
    expect(refused('表扬报送率', '75')).toBe('批评报送率须不高于表扬报送率（现为 批评 80%、表扬 100%），表扬报送率设为 75% 不成立。');
    expect(setHonourRule(settings, '表扬报送率', '90', '李主任', now).ok).toBe(true);
    expect(refused('批评报送率', '95')).toContain('批评报送率须不高于表扬报送率');
    expect(currentHonourRules(settings)).toEqual({ ...DEFAULT_HONOUR_RULES, commendRate: 90 });
    expect(changes()).toEqual([{ subject: 'honour.commendRate', old_value: '100', new_value: '90', changed_by: '李主任' }]);
  });
});
