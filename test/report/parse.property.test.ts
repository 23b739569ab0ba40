import fc from 'fast-check';
import { parseMessage } from '../../src/core/report/parse';
import { FIELD_LABELS, type FieldError, type ParseResult, type Report, type ReportKey } from '../../src/domain/report';
import { addDays, shanghaiDate } from '../../src/time/clock';
import { blankReport } from '../support/report';

const CANONICAL = new Set(Object.values(FIELD_LABELS));

const postedAt = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });

// Pieces of real reports, so random strings reach labels, numbers and dates rather than only noise.
const TOKENS = [
  '#日报', '【日报】', '日报', '项目名称', '项目', '日期', '形象进度', '进度', '今日进展', '施工人数', '人数',
  '机械设备', '设备', '累计完成投资', '本月完成投资', '存在问题', '问题', '明日计划', '填报人',
  '：', ':', '；', ';', '，', ',', '、', '。', '\n', '\r\n', ' ', '\u3000', '（', '）', '(', ')', '【', '】',
  '1.', '1、', '一、', '（一）', '(1)', '①', '1️⃣', '🚧', '👷‍♂️', '%', '％', '百分之', '点',
  '0', '1', '12', '38', '100', '110', '１２', '.', '-', '一', '两', '十', '百', '千', '万', '亿', '元', '人', '台',
  '年', '月', '日', '号', '11月24日', '2026-11-24', '11.24', '今天', '昨天', '前天', '星期五',
  '无', '暂无', '待统计', '综合楼', '浇筑',
  '\t', '【', '】', '更正', '（更正）', '补报', '城东中学扩建工程', '一、港口物流仓储中心', '施工人员', '投资完成情况', '本月完成',
  '累计完成', '今天', '余', '约', '近', '个亿', '其中', '，占总投资32%', '共计',
];
const domainText = fc.string({ unit: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 2 })), maxLength: 60 });
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), domainText);

function checkErrors(errors: FieldError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.key in FIELD_LABELS).toBe(true);
    expect(e.field).toBe(FIELD_LABELS[e.key]);
    expect(CANONICAL.has(e.field)).toBe(true);
    expect(e.message).not.toBe('');
    expect(e.example).not.toBe('');
    expect(typeof e.got).toBe('string');
  }
}

function checkReport(x: Report, at: Date): void {
  expect(x.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(x.date <= shanghaiDate(at)).toBe(true);
  if (x.progressPercent !== null) expect(x.progressPercent >= 0 && x.progressPercent <= 100).toBe(true);
  for (const n of [x.workers, x.machines]) if (n !== null) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
  for (const n of [x.investmentCumulative, x.investmentMonth]) if (n !== null) expect(Number.isFinite(n) && n >= 0).toBe(true);
  for (const p of x.problems) expect(p).not.toBe('');
  for (const [k, note] of Object.entries(x.notes ?? {})) {
    expect(k in FIELD_LABELS).toBe(true);
    expect(note).not.toBe('');
  }
  const content = [x.progressPercent, x.progressText, x.todayWork, x.workers, x.investmentCumulative];
  expect(content.some((v) => v !== null)).toBe(true);
}

function checkResult(r: ParseResult, at: Date): void {
  expect(['report', 'invalid', 'ignored', 'reports']).toContain(r.kind);
  if (r.kind === 'invalid') checkErrors(r.errors);
  if (r.kind === 'report') checkReport(r.report, at);
  if (r.kind === 'reports') {
    expect(r.reports.length).toBeGreaterThan(1);
    for (const one of r.reports) {
      if (one.kind === 'report') checkReport(one.report, at);
      else {
        expect(one.project).not.toBe('');
        checkErrors(one.errors);
      }
    }
  }
}

const VALID =
  '#日报\n项目名称：精细化工中间体项目\n日期：昨天\n形象进度：38%（综合楼主体施工）\n今日进展：综合楼二层顶板浇筑\n施工人数：64人\n累计完成投资：1.42亿元\n存在问题：无\n';

describe('parseMessage never throws and keeps its contract', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, postedAt, (text, at) => {
        checkResult(parseMessage(text, at), at);
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary text appended to a valid report', () => {
    fc.assert(
      fc.property(anyText, postedAt, (tail, at) => {
        const r = parseMessage(VALID + tail, at);
        expect(r.kind).not.toBe('ignored');
        checkResult(r, at);
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary text after the tag', () => {
    fc.assert(
      fc.property(anyText, postedAt, (tail, at) => {
        const r = parseMessage(`#日报\n${tail}`, at);
        expect(r.kind).not.toBe('ignored');
        checkResult(r, at);
      }),
      { numRuns: 1000 },
    );
  });

  it('on an invalid posting time', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseMessage(text, new Date(Number.NaN));
      }),
      { numRuns: 300 },
    );
  });
});

// ---- round trip: render known values in the styles staff use, read them back ----

const PROJECTS = ['精细化工中间体项目', '港口物流仓储中心', '生物医药产业园一期', '汽车零部件智能制造项目', 'A区安置房（二期）'];
const WORK = ['综合楼二层顶板浇筑', '桩基检测', '研发楼幕墙安装', '冲压车间钢结构吊装完成', '土方开挖及外运'];
const PROBLEMS = ['高压线迁改需供电部门配合', '部分苗木补偿未谈妥', '临时用电容量不足', '雨季排水压力大'];

const LABEL_CHOICES = {
  project: ['项目名称', '项目'],
  date: ['日期'],
  progress: ['形象进度', '进度'],
  todayWork: ['今日进展', '当日完成', '今日完成', '工作进展', '今日工作'],
  workers: ['施工人数', '在岗人数', '人数', '作业人数'],
  machines: ['机械设备', '机械', '设备'],
  investmentCumulative: ['累计完成投资', '累计投资'],
  investmentMonth: ['本月完成投资', '本月投资'],
  problems: ['存在问题', '困难问题', '需协调事项', '问题'],
  nextPlan: ['明日计划', '下步计划', '明天计划'],
} as const;
type Field = keyof typeof LABEL_CHOICES;

/** A field rendered as typed, and what it must read back as. */
interface Rendered {
  field: Field;
  value: string;
  expect: Partial<Report>;
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const amount = fc.integer({ min: 0, max: 500_000 }).chain((n) =>
  fc.oneof(
    fc.constant({ text: `${n}万元`, wan: n }),
    fc.constant({ text: `${n}万`, wan: n }),
    fc.constant({ text: String(n), wan: n }),
    fc.constant({ text: `${n.toLocaleString('en-US')}万元`, wan: n }),
    fc.constant({ text: `${(n * 100) / 10000}亿元`, wan: n * 100 }),
    fc.constant({ text: `${n * 10000}元`, wan: n }),
  ),
);

function field(f: Field, value: fc.Arbitrary<{ value: string; expect: Partial<Report> }>): fc.Arbitrary<Rendered> {
  return value.map((v) => ({ field: f, ...v }));
}

const renderedFields = (at: Date) =>
  fc.record({
    project: fc.option(field('project', pick(PROJECTS).map((p) => ({ value: p, expect: { project: p } })))),
    date: fc.option(
      field(
        'date',
        fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })).map(([back, style]) => {
          const date = addDays(shanghaiDate(at), -back);
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          const value = [`${m}月${d}日`, date, `${y}年${m}月${d}日`, `${y}/${m}/${d}`][style]!;
          return { value, expect: { date } };
        }),
      ),
    ),
    progress: field(
      'progress',
      fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.option(pick(WORK)), fc.boolean()).map(([tenths, text, words]) => {
        const percent = tenths / 10;
        const number = words && tenths % 10 === 0 ? `百分之${['零', '十', '二十', '三十八', '七十', '一百'][tenths % 6]}` : `${percent}%`;
        const shown = number.startsWith('百分之') ? [0, 10, 20, 38, 70, 100][tenths % 6]! : percent;
        return { value: text ? `${number}（${text}）` : number, expect: { progressPercent: shown, progressText: text } };
      }),
    ),
    todayWork: fc.option(field('todayWork', pick(WORK).map((w) => ({ value: w, expect: { todayWork: w } })))),
    workers: fc.option(
      field(
        'workers',
        fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.boolean()).map(([n, unit]) => ({ value: unit ? `${n}人` : String(n), expect: { workers: n } })),
      ),
    ),
    machines: fc.option(field('machines', fc.integer({ min: 0, max: 300 }).map((n) => ({ value: `${n}台`, expect: { machines: n } })))),
    investmentCumulative: fc.option(field('investmentCumulative', amount.map((a) => ({ value: a.text, expect: { investmentCumulative: a.wan } })))),
    investmentMonth: fc.option(field('investmentMonth', amount.map((a) => ({ value: a.text, expect: { investmentMonth: a.wan } })))),
    problems: fc.option(
      field(
        'problems',
        fc.uniqueArray(pick(PROBLEMS), { maxLength: 3 }).map((ps) => ({
          value: ps.length ? ps.map((p, i) => `${i + 1}、${p}`).join('；') : '无',
          expect: { problems: ps },
        })),
      ),
    ),
    nextPlan: fc.option(field('nextPlan', pick(WORK).map((w) => ({ value: w, expect: { nextPlan: w } })))),
  });

const style = fc.record({
  tag: pick(['#日报', '＃日报', '【日报】', '日报', '🚧 #日报']),
  oneLine: fc.boolean(),
  fieldSeparator: pick(['；', '，', ';', ' ']),
  colon: pick(['：', ':', ' ： ']),
  numbering: pick(['', 'n.', 'n、', '（n）', '(n)', '📌']),
  fullWidthDigits: fc.boolean(),
  labelIndex: fc.nat(),
});

describe('round trip', () => {
  it('reads back what was written, in any of the staff styles', () => {
    fc.assert(
      fc.property(
        postedAt.chain((at) => fc.tuple(fc.constant(at), renderedFields(at), style)),
        ([at, fields, s]) => {
          const present = Object.values(fields).filter((f): f is Rendered => f !== null);
          const parts = present.map((f, i) => {
            const choices = LABEL_CHOICES[f.field];
            const label = choices[s.labelIndex % choices.length]!;
            const number = s.oneLine ? '' : s.numbering.replace('n', String(i + 1));
            return `${number}${label}${s.colon}${f.value}`;
          });
          let text = s.oneLine ? `${s.tag} ${parts.join(s.fieldSeparator)}` : [s.tag, ...parts].join('\n');
          if (s.fullWidthDigits) text = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

          const expected: Report = blankReport({ date: shanghaiDate(at) });
          for (const f of present) Object.assign(expected, f.expect);
          const r = parseMessage(text, at);
          expect({ text, r }).toEqual({ text, r: { kind: 'report', report: expected } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names exactly the fields that were broken', () => {
    const broken: Partial<Record<ReportKey, string>> = {
      progressPercent: '形象进度：百分之一百一十',
      workers: '施工人数：很多',
      machines: '机械设备：-2台',
      investmentCumulative: '累计完成投资：待统计',
      investmentMonth: '本月完成投资：约几百万',
      date: '日期：2月30日',
    };
    const keys = Object.keys(broken) as ReportKey[];
    fc.assert(
      fc.property(fc.subarray(keys, { minLength: 1 }), postedAt, (chosen, at) => {
        const text = ['#日报', '今日进展：桩基检测', ...chosen.map((k) => broken[k]!)].join('\n');
        const r = parseMessage(text, at);
        expect(r.kind).toBe('invalid');
        if (r.kind === 'invalid') expect(r.errors.map((e) => e.key).sort()).toEqual([...chosen].sort());
      }),
    );
  });
});
