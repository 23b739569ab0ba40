import { dayLabel } from '../chat/format';
import type { Bulletin } from './build';
import { isoWeekOf, type ProjectFigures } from './stats';

/** How many projects a list in the chat text names before `等共 N 个`: the attachments carry the rest. */
const LIST_CAP = 10;
const OLD_PROBLEM_DAYS = 14;

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const fixed1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** `报送率 96.1%（上月 92.0%，提高 4.1 个百分点）`. */
function compared(label: string, now: number | null, before: number | null, unit: string): string {
  if (now === null) return `${label} —`;
  if (before === null) return `${label} ${now}${unit}`;
  const d = Math.round((now - before) * 10) / 10;
  const change = d > 0 ? `提高 ${fixed1(d)}` : d < 0 ? `下降 ${fixed1(-d)}` : '持平';
  return `${label} ${now}${unit}（上期 ${before}${unit}${d === 0 ? '，持平' : `，${change} 个百分点`}）`;
}

function leadersOf(b: Bulletin, p: ProjectFigures): string {
  const bound = (b.input.leaders.get(p.id) ?? []).map((l) => l.name);
  const names = bound.length ? bound : [b.input.projects.find((x) => x.id === p.id)?.leader].filter((n): n is string => !!n);
  return names.length ? `（帮包领导：${names.join('、')}）` : '';
}

const isLag = (w: { kind: string }) => w.kind === 'behindPlan' || w.kind === 'forecast';

/** `2026年第48周` or `2026年10月`. */
function periodName(b: Bulletin): string {
  const from = b.district.period.from;
  if (b.kind !== 'week') return `${Number(from.slice(0, 4))}年${Number(from.slice(5, 7))}月`;
  const [year, week] = isoWeekOf(from).split('-W');
  return `${year}年第${Number(week)}周`;
}

function capped(lines: string[], total: number): string[] {
  return total > lines.length ? [...lines, `  ……等共 ${total} 个，详见附图附表`] : lines;
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
    `${prev ? compared('日报报送率', o.reporting.rate, prev.reporting.rate, '%') : `日报报送率 ${pct(o.reporting.rate)}`}（应报 ${o.reporting.due}、已报 ${o.reporting.received} 项目·日）；`,
    `开工率 ${pct(o.start.rate)}（应开工 ${o.start.due} 个，已开工 ${o.start.started} 个）；入库率 ${pct(o.registration.rate)}；`,
    `${scale}完成投资 ${o.investment.period} 万元，年度累计 ${o.investment.yearToDate} 万元，` +
      `${prev ? compared('完成年度计划', o.investment.completionRate, prev.investment.completionRate, '%') : `完成年度计划 ${pct(o.investment.completionRate)}`}` +
      `${o.investment.phrase ? `，${o.investment.phrase}` : ''}；`,
    `红灯 ${o.lights.red} 个${prev ? `（上期 ${prev.lights.red} 个）` : ''}、黄灯 ${o.lights.yellow} 个、绿灯 ${o.lights.green} 个，新转红 ${o.lights.newRed} 个。`,
  );

  const red = b.district.projects.filter((f) => f.light === 'red');
  if (red.length) {
    const items = red.slice(0, LIST_CAP).map((f) => `· ${f.warnings.filter((w) => w.level === 'red').map((w) => w.text).join('；') || f.name}${leadersOf(b, f)}`);
    lines.push(heading(`红灯项目（${red.length} 个）`), ...capped(items, red.length));
  }
  const lagging = b.district.projects.filter((f) => f.light !== 'red' && (f.stagnant || f.warnings.some(isLag)));
  if (lagging.length) {
    const items = lagging.slice(0, LIST_CAP).map((f) => {
      const why = f.warnings.find(isLag)?.text ?? `${f.name} 形象进度 ${f.stagnant!.days} 天无变化`;
      return `· ${why}${leadersOf(b, f)}`;
    });
    lines.push(heading(`进度滞后项目（${lagging.length} 个）`), ...capped(items, lagging.length));
  }

  const open = b.district.problems.filter((q) => q.state === 'open');
  const old = open.filter((q) => q.ageDays >= OLD_PROBLEM_DAYS).length;
  lines.push(heading(`问题：${scale}新提出 ${o.problems.raised} 项，销号 ${o.problems.closed} 项，未销号 ${open.length} 项${old ? `（超过 ${OLD_PROBLEM_DAYS} 天 ${old} 项）` : ''}。`));
  if (b.district.leaders.length) {
    const rates = b.district.leaders.map((l) => `${l.name} ${l.commented}/${l.due}（${Math.round(l.rate * 100)}%）`);
    lines.push(heading(`领导点评：${rates.join('；')}`));
  }
  if (b.honours) {
    const { commended, criticised } = b.honours;
    if (commended.length) lines.push(heading('表扬'), ...commended.map((h) => `· ${h.name}：${h.reasons.join('，')}`));
    if (criticised.length) {
      const items = criticised.slice(0, LIST_CAP).map((h) => `· ${h.name}：${h.reasons.join('；')}`);
      lines.push(heading('通报批评'), ...capped(items, criticised.length));
    }
  }
  lines.push(b.kind === 'month' ? '排名表和图表见下图，完整通报见 Excel 附件。' : '排名表和图表见下图。');
  return lines.join('\n');
}
