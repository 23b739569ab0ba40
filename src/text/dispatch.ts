import { dayLabel, oneDecimal, percentText } from './format';
import type { Bulletin } from '../core/stats/bulletin';
import { isoWeekOf } from '../core/stats/period';
import type { ProjectFigures } from '../core/stats/types';
import { warningPhrase, type Warning } from '../core/rules/warnings';

/** How many red or lagging projects the chat text names before `等共 N 个`; the workbook lists them all. */
const LIST_CAP = 10;
const OLD_PROBLEM_DAYS = 14;
const CRITICISED_CAP = 20;


/** `日报报送率 96.1%，比上月提高 4.1 个百分点`: a rate, and how it moved since the month before when there is one. */
function rate(label: string, now: number | null, before: number | null | undefined): string {
  if (now === null || before === null || before === undefined) return `${label} ${percentText(now)}`;
  const d = Math.round((now - before) * 10) / 10;
  return `${label} ${percentText(now)}，${d > 0 ? `比上月提高 ${oneDecimal(d)} 个百分点` : d < 0 ? `比上月下降 ${oneDecimal(-d)} 个百分点` : '与上月持平'}`;
}

function leadersOf(b: Bulletin, p: ProjectFigures): string {
  const bound = (b.input.leaders.get(p.id) ?? []).map((l) => l.name);
  const names = bound.length ? bound : [b.input.projects.find((x) => x.id === p.id)?.leader].filter((n): n is string => !!n);
  return names.length ? `（帮包领导：${names.join('、')}）` : '';
}

/** `· 港口物流仓储中心：已连续 4 个工作日未报日报（帮包领导：陈副区长）`. */
function projectLine(b: Bulletin, p: ProjectFigures, warnings: readonly Warning[]): string {
  return `· ${p.name}：${warnings.map((w) => warningPhrase(w, p.name)).join('；')}${leadersOf(b, p)}`;
}

const isLag = (w: { kind: string }) => w.kind === 'behindPlan' || w.kind === 'forecast';

/** `2026年第48周` or `2026年10月`. */
function periodName(b: Bulletin): string {
  const from = b.district.period.from;
  if (b.kind !== 'week') return `${Number(from.slice(0, 4))}年${Number(from.slice(5, 7))}月`;
  const [year, week] = isoWeekOf(from).split('-W');
  return `${year}年第${Number(week)}周`;
}

function capped(b: Bulletin, lines: string[], total: number): string[] {
  if (total <= lines.length) return lines;
  return [...lines, `  ……等共 ${total} 个${b.kind === 'month' ? '，详见 Excel 附件' : ''}`];
}

/**
 * The chat text of the weekly dispatch (周调度) or the monthly bulletin (月通报): the district's
 * figures, the red-light and lagging projects with their responsible leaders named, and for the
 * month the comparison with the previous month, 表扬 and 通报批评. The image and workbook follow it.
 */
export function dispatchText(b: Bulletin, late: boolean): string {
  const o = b.district.overall;
  const p = b.district.period;
  const scale = b.kind === 'month' ? '本月' : '本周';
  let section = 0;
  const heading = (t: string) => `${'一二三四五六七八'[section++]}、${t}`;
  const lines = [`【${b.kind === 'month' ? '月通报' : '周调度'}】${periodName(b)}（${dayLabel(p.from)}至${dayLabel(p.to)}）${late ? '（补发）' : ''}`];

  const prev = b.previous;
  lines.push(
    heading('总体情况'),
    `${rate('日报报送率', o.reporting.rate, prev?.reporting.rate)}（应报 ${o.reporting.due} 份，已报 ${o.reporting.received} 份）；`,
    `开工率 ${percentText(o.start.rate)}（应开工 ${o.start.due} 个，已开工 ${o.start.started} 个）；入库率 ${percentText(o.registration.rate)}；`,
    `${scale}完成投资 ${o.investment.period} 万元，年度累计 ${o.investment.yearToDate} 万元，` +
      `${rate('完成年度计划', o.investment.completionRate, prev?.investment.completionRate)}${o.investment.phrase ? `，${o.investment.phrase}` : ''}；`,
    `红灯 ${o.lights.red} 个${prev ? `（上月 ${prev.lights.red} 个）` : ''}、黄灯 ${o.lights.yellow} 个、绿灯 ${o.lights.green} 个，新转红 ${o.lights.newRed} 个。`,
  );

  const red = b.district.projects.filter((f) => f.light === 'red');
  if (red.length) {
    const items = red.slice(0, LIST_CAP).map((f) => projectLine(b, f, f.warnings.filter((w) => w.level === 'red')));
    lines.push(heading(`红灯项目（${red.length} 个）`), ...capped(b, items, red.length));
  }
  const lagging = b.district.projects.filter((f) => f.light !== 'red' && (f.stagnant || f.warnings.some(isLag)));
  if (lagging.length) {
    const items = lagging.slice(0, LIST_CAP).map((f) => {
      const lag = f.warnings.filter(isLag);
      return lag.length ? projectLine(b, f, lag) : `· ${f.name}：形象进度 ${f.stagnant!.days} 天无变化${leadersOf(b, f)}`;
    });
    lines.push(heading(`进度滞后项目（${lagging.length} 个）`), ...capped(b, items, lagging.length));
  }

  const open = b.district.problems.filter((q) => q.state === 'open');
  const old = open.filter((q) => q.ageDays >= OLD_PROBLEM_DAYS).length;
  lines.push(heading(`问题：${scale}新提出 ${o.problems.raised} 项，销号 ${o.problems.closed} 项，未销号 ${open.length} 项${old ? `（超过 ${OLD_PROBLEM_DAYS} 天 ${old} 项）` : ''}。`));
  if (b.district.leaders.length) {
    const rates = b.district.leaders.map((l) => `${l.name} ${l.commented}/${l.due}（${percentText(l.rate * 100)}）`);
    lines.push(heading(`领导点评：${rates.join('；')}`));
  }
  if (b.honours) {
    const { commended, criticised } = b.honours;
    if (commended.length) lines.push(heading('表扬'), ...commended.map((h) => `· ${h.name}：${h.reasons.join('，')}`));
    if (criticised.length) {
      // A message of hundreds of lines is not read; the workbook names every one.
      const items = criticised.slice(0, CRITICISED_CAP).map((h) => `· ${h.name}：${h.reasons.join('；')}`);
      if (criticised.length > items.length) items.push(`  ……等共 ${criticised.length} 个，名单见 Excel 附件“项目明细”表`);
      lines.push(heading('通报批评'), ...items);
    }
  }
  lines.push(b.kind === 'month' ? '排名表和图表见下图，完整通报见 Excel 附件。' : '排名表和图表见下图。');
  return lines.join('\n');
}
