import type { GroupFigures } from '../core/stats/types';
import type { Bulletin } from '../core/stats/bulletin';
import { dayLabel } from './format';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
export const BULLETIN_TITLES = { day: '日晒榜', week: '周调度', month: '月通报', year: '年度统计' } as const;

function row(g: GroupFigures): string {
  const l = g.lights;
  return `| ${g.key} | ${g.projects} | ${pct(g.reporting.rate)} | ${pct(g.start.rate)} | ${pct(g.investment.completionRate)} | ${g.investment.phrase ?? '—'} | ${l.red} | ${l.yellow} | ${g.problems.open} |`;
}

/** The bulletin as Markdown: what the office pastes into a document. */
export function bulletinMarkdown(b: Bulletin): string {
  const { kind, district, byTown } = b;
  const o = district.overall;
  const lines = [
    `# ${BULLETIN_TITLES[kind]}：${dayLabel(district.period.from)}${district.period.to !== district.period.from ? `至${dayLabel(district.period.to)}` : ''}`,
    '',
    `- 日报报送率 ${pct(o.reporting.rate)}（应报 ${o.reporting.due}、已报 ${o.reporting.received} 项目·日）`,
    `- 开工率 ${pct(o.start.rate)}（应开工 ${o.start.due} 个，已开工 ${o.start.started} 个）；入库率 ${pct(o.registration.rate)}`,
    `- 本期完成投资 ${o.investment.period} 万元，年度累计 ${o.investment.yearToDate} 万元，完成年度计划 ${pct(o.investment.completionRate)}，${o.investment.phrase ?? '—'}`,
    `- 红灯 ${o.lights.red} 个、黄灯 ${o.lights.yellow} 个、绿灯 ${o.lights.green} 个（新转红 ${o.lights.newRed} 个）`,
    `- 问题：新提出 ${o.problems.raised} 项，销号 ${o.problems.closed} 项，未销号 ${o.problems.open} 项`,
    ...(b.previous ? [`- 上期：报送率 ${pct(b.previous.reporting.rate)}，投资完成率 ${pct(b.previous.investment.completionRate)}，红灯 ${b.previous.lights.red} 个`] : []),
    '',
    '## 分镇街',
    '',
    '| 镇街 | 项目数 | 报送率 | 开工率 | 投资完成率 | 序时进度 | 红灯 | 黄灯 | 未销号问题 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...byTown.groups.map(row),
  ];
  for (const r of district.rankings.projects) {
    const top = r.entries.filter((e) => e.rank !== null).slice(0, 10);
    if (!top.length) continue;
    lines.push('', `## 排名：${r.rule}`, '', ...top.map((e) => `${e.rank}. ${e.key}（${e.value}）`));
  }
  if (district.notStarted.length) {
    lines.push('', '## 逾期未开工', '', ...district.notStarted.map((n) => `- ${n.name}：逾期 ${n.daysOverdue} 天`));
  }
  const red = district.projects.filter((p) => p.light === 'red');
  if (red.length) lines.push('', '## 红灯项目', '', ...red.map((p) => `- ${p.warnings.map((w) => w.text).join('；')}`));
  if (b.honours?.commended.length) lines.push('', '## 表扬', '', ...b.honours.commended.map((h) => `- ${h.name}：${h.reasons.join('，')}`));
  if (b.honours?.criticised.length) lines.push('', '## 通报批评', '', ...b.honours.criticised.map((h) => `- ${h.name}：${h.reasons.join('；')}`));
  if (district.leaders.length) {
    lines.push('', '## 帮包领导点评', '', ...district.leaders.map((l) => `- ${l.name}：${l.commented}/${l.due}（${Math.round(l.rate * 100)}%）`));
  }
  return lines.join('\n') + '\n';
}
