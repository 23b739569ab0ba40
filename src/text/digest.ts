/**
 * The leader digest (帮包项目周报): a weekly private message to one responsible leader about their own
 * projects. Pure: the caller picks the leader's projects out of the week's figures.
 */
import { dayLabel, oneDecimal } from './format';
import type { Period } from '../core/stats/period';
import type { Light, ProjectFigures } from '../core/stats/types';
import { byZh } from '../core/stats/figures';
import { warningPhrase } from '../core/rules/warnings';

export interface DigestProblem {
  projectName: string;
  text: string;
  ageDays: number;
}

export interface DigestExtra {
  /** Open (未销号) problems of the leader's projects, in any order. */
  openProblems: readonly DigestProblem[];
  /** Reported project-days of the week the leader commented on. */
  commentedDays: number;
  /** Reported project-days of the week the leader did not comment on. */
  uncommentedDays: number;
  /** commented ÷ reported in percent; null when nothing was reported. */
  commentRate: number | null;
}

/** How many problems the message lists before `……等共 N 项`: it has to fit one phone screen. */
export const DIGEST_PROBLEM_CAP = 5;
/** Long problem texts are cut: the leader can ask for the full list with #问题. */
const PROBLEM_TEXT_MAX = 24;

const LIGHT_MARK: Record<Light, string> = { red: '🔴', yellow: '🟡', green: '🟢' };
const LIGHT_NAME: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

const round1 = (n: number) => Math.round(n * 10) / 10;

function progressPhrase(gained: number | null): string {
  if (gained === null) return '形象进度未报';
  const g = round1(gained);
  if (g === 0) return '形象进度无进展';
  return `形象进度 ${g > 0 ? '+' : ''}${oneDecimal(g)} 个百分点`;
}

/** The warning behind a red or yellow light, without the project name it starts with. */
function reason(p: ProjectFigures): string | null {
  const w = p.warnings.find((x) => x.level === p.light) ?? p.warnings[0];
  if (!w || p.light === 'green') return null;
  return warningPhrase(w, p.name);
}

function projectLine(p: ProjectFigures): string {
  const parts = [p.reporting.due ? `报送 ${p.reporting.received}/${p.reporting.due} 天` : '本周无需报送', progressPhrase(p.progress.gained)];
  if (p.investment.phrase) parts.push(`投资${p.investment.phrase}`);
  const why = reason(p);
  return `${LIGHT_MARK[p.light]} ${p.name}：${parts.join('，')}${why ? `；${why}` : ''}`;
}

/** `您帮包的 3 个项目（红灯 1 个、黄灯 1 个）：`, or `均为绿灯`. */
function summaryLine(ps: readonly ProjectFigures[]): string {
  const counts = (['red', 'yellow'] as const).map((l) => [l, ps.filter((p) => p.light === l).length] as const).filter(([, n]) => n > 0);
  if (!counts.length) return `您帮包的 ${ps.length} 个项目均为绿灯：`;
  return `您帮包的 ${ps.length} 个项目（${counts.map(([l, n]) => `${LIGHT_NAME[l]} ${n} 个`).join('、')}）：`;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > PROBLEM_TEXT_MAX ? `${chars.slice(0, PROBLEM_TEXT_MAX).join('')}…` : text;
}

function problemLines(problems: readonly DigestProblem[]): string[] {
  if (!problems.length) return [];
  const oldest = [...problems].sort((a, b) => b.ageDays - a.ageDays || byZh(a.projectName, b.projectName));
  const lines = oldest.slice(0, DIGEST_PROBLEM_CAP).map((x) => `· ${x.projectName}${x.text ? `：${shorten(x.text)}` : ''}（已 ${x.ageDays} 天）`);
  if (oldest.length > DIGEST_PROBLEM_CAP) lines.push(`……等共 ${oldest.length} 项`);
  return [`未销号问题 ${oldest.length} 项（久拖在前）：`, ...lines];
}

/** Red first, then yellow, then green; by name (Chinese collation) within a light. */
export function digestOrder(ps: readonly ProjectFigures[]): ProjectFigures[] {
  return [...ps].sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || byZh(a.name, b.name));
}

/** The weekly private message to one responsible leader (帮包领导), one phone screen. */
export function leaderDigestText(leaderName: string, period: Period, projects: readonly ProjectFigures[], extra: DigestExtra, late: boolean): string {
  const ordered = digestOrder(projects);
  const lines = [`${leaderName}，您好。`, `【帮包项目周报】${dayLabel(period.from)}至${dayLabel(period.to)}${late ? '（补发）' : ''}`];
  lines.push(summaryLine(ordered), ...ordered.map(projectLine));
  lines.push(...problemLines(extra.openProblems));
  const reported = extra.commentedDays + extra.uncommentedDays;
  if (reported > 0 && extra.commentRate !== null) {
    lines.push(`本周点评日报 ${extra.commentedDays}/${reported} 份（${oneDecimal(extra.commentRate)}%）。`);
  }
  const red = ordered.filter((p) => p.light === 'red').map((p) => p.name);
  if (red.length) lines.push(`${red.join('、')}亮红灯，烦请及时点评督导（可直接回复 #点评 项目 内容）。谢谢！`);
  return lines.join('\n');
}
