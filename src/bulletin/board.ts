import { dayLabel } from '../chat/format';
import { WEEKDAY_NAMES } from '../time/clock';

export interface BoardProject {
  name: string;
  unit: string | null;
}

export interface BoardReport {
  name: string;
  progressPercent: number | null;
  previousPercent: number | null;
  /** Problems in today's report that were not in the previous one. */
  newProblems: string[];
}

export interface BoardInput {
  date: string;
  due: number;
  missing: BoardProject[];
  /** Projects declared stopped (停工) that day: not counted as due. */
  stopped: string[];
  reports: BoardReport[];
  late: boolean;
}

const TOP = 3;

/** The daily board (日晒榜): one screen for the dispatch group. */
export function dailyBoardText(b: BoardInput): string {
  const weekday = WEEKDAY_NAMES[new Date(`${b.date}T12:00:00+08:00`).getUTCDay()];
  const reported = b.due - b.missing.length;
  const rate = b.due ? `${((reported / b.due) * 100).toFixed(1)}%` : '—';
  const lines = [`【日晒榜】${dayLabel(b.date)}（周${weekday}）${b.late ? '（补发）' : ''}`];
  lines.push(`应报 ${b.due} 个项目，已报 ${reported} 个，未报 ${b.missing.length} 个，报送率 ${rate}。`);
  if (b.stopped.length) lines.push(`停工 ${b.stopped.length} 个（不计未报）：${b.stopped.join('、')}`);
  if (b.missing.length) {
    lines.push('未报送：', ...b.missing.map((p) => `· ${p.name}${p.unit ? `（${p.unit}）` : ''}`));
  }
  const gains = b.reports
    .filter((r) => r.progressPercent !== null && r.previousPercent !== null && r.progressPercent > r.previousPercent)
    .map((r) => ({ name: r.name, now: r.progressPercent!, gain: r.progressPercent! - r.previousPercent! }))
    .sort((x, y) => y.gain - x.gain || x.name.localeCompare(y.name, 'zh'))
    .slice(0, TOP);
  if (gains.length) lines.push(`进度提升：${gains.map((g) => `${g.name} +${round(g.gain)} 个百分点（${round(g.now)}%）`).join('；')}`);
  const problems = b.reports.flatMap((r) => r.newProblems.map((p) => `${r.name}：${p}`));
  if (problems.length) lines.push(`新提出问题 ${problems.length} 项：`, ...problems.map((p) => `· ${p}`));
  return lines.join('\n');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
