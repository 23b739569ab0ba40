import type { Problem } from '../domain/problem';
import { ADDRESSEE_LABEL, LADDER } from '../core/rules/problems';
import { dayLabel } from './format';

/** A list stops here, so it stays about one screen in WeChat. */
const LIST_CAP = 30;
const CLOSE_HINT = '销号请发送：#销号 编号 说明';

export const PROBLEMS_COMMAND = { usage: '#问题 [全部]', help: '查看本群未销号的问题；调度群里 #问题 全部 列出全区' } as const;

export const CLOSE_COMMAND = {
  usage: '#销号 编号 说明',
  help: '问题解决后销号，记录销号人和说明',
  action: '销号',
  // The liaison closes items on behalf of the 责任单位.
  roleNames: { liaison: '联络员（责任单位）' },
} as const;

function age(days: number): string {
  return days > 0 ? `已 ${days} 天` : '今日提出';
}

/** An open item in a list, with the project it belongs to (null when the title names it) and its age in days. */
export interface ListedProblem {
  problem: Problem;
  project: string | null;
  days: number;
}

/** `#12 [项目：]问题（已 9 天，第 2 级：帮包领导）`; the level is the step last announced. */
function itemLine({ problem: p, project, days }: ListedProblem): string {
  const addressee = LADDER[p.announcedLevel - 1];
  const level = addressee ? `，第 ${p.announcedLevel} 级：${ADDRESSEE_LABEL[addressee]}` : '';
  return `#${p.id} ${project ? `${project}：` : ''}${p.text}（${age(days)}${level}）`;
}

/** Whose items a list shows: the district's, one project's, or those of the group's several projects. */
export type ProblemScope = { kind: 'district' } | { kind: 'project'; name: string } | { kind: 'group' };

const TITLE = { district: '全区未销号问题', group: '本群未销号问题' } as const;
const NONE = { district: '全区目前没有未销号的问题。', group: '本群项目目前没有未销号的问题。' } as const;

/** #问题: the open items, longest open first, capped; or that there are none. */
export function openProblemsText(scope: ProblemScope, items: readonly ListedProblem[]): string {
  if (!items.length) return scope.kind === 'project' ? `${scope.name}目前没有未销号的问题。` : NONE[scope.kind];
  const title = scope.kind === 'project' ? `${scope.name}未销号问题` : TITLE[scope.kind];
  const more = items.length - LIST_CAP;
  return [
    `${title} ${items.length} 项${more > 0 ? `，列出最早提出的 ${LIST_CAP} 项` : ''}：`,
    ...items.slice(0, LIST_CAP).map(itemLine),
    ...(more > 0 ? [`另有 ${more} 项未列出。`] : []),
    CLOSE_HINT,
  ].join('\n');
}

/** #问题 全部 outside the dispatch group: the group's list, after saying where the district's is. */
export function districtListElsewhere(groupList: string): string {
  return `全区问题清单请在调度群查看。\n${groupList}`;
}

export const CLOSE_USAGE = '请写明问题编号和销号说明，例如：#销号 12 已协调供电部门完成迁改。发送 #问题 可查看编号。';

export function noSuchProblem(id: number): string {
  return `没有编号为 ${id} 的问题，请发送 #问题 核对编号。`;
}

export function problemWithdrawn(id: number): string {
  return `#${id} 已随日报更正撤销，无需销号。`;
}

export interface EarlierClose {
  id: number;
  /** The day it was closed, if known. */
  on: string | null;
  by: string | null;
  note: string | null;
}

export function problemAlreadyClosed(c: EarlierClose): string {
  const when = c.on ? dayLabel(c.on) : '';
  return `#${c.id} 已于${when}由${c.by ?? '他人'}销号${c.note ? `（${c.note}）` : ''}，无需重复销号。`;
}

export function closeNeedsNote(id: number): string {
  return `请写明销号说明，例如：#销号 ${id} 已协调供电部门完成迁改。`;
}

export function closedJustNow(id: number): string {
  return `#${id} 刚刚已被销号，无需重复销号。`;
}

export interface ClosedProblem {
  id: number;
  project: string;
  text: string;
  note: string;
  by: string;
  firstDate: string;
  /** Days from when it was first raised to its closing. */
  days: number;
}

const summary = (c: ClosedProblem) => `#${c.id} ${c.project}：${c.text}\n说明：${c.note}`;

/** Sent to the project's other groups. */
export function problemClosedNotice(c: ClosedProblem): string {
  return `【问题销号】${c.by}已销号 ${summary(c)}`;
}

/** The answer to whoever closed it. */
export function problemClosed(c: ClosedProblem): string {
  return `已销号 ${summary(c)}\n自${dayLabel(c.firstDate)}提出，历时 ${c.days} 天。`;
}

/** What a saved report did to the open items: carried some on (with their age in days), opened others. */
export interface ProblemTracking {
  continued: readonly { id: number; days: number }[];
  /** `reopens`: the closed item a new one repeats. */
  opened: readonly { id: number; reopens: number | null }[];
  /** Items a correction left out: withdrawn with it, not 销号. */
  withdrawn: readonly number[];
}

/** One line for a report's acknowledgement, or null when it carried no problems. */
export function trackingNote(t: ProblemTracking): string | null {
  const parts: string[] = [];
  const continued = t.continued.map(({ id, days }) => (days > 0 ? `#${id}（${age(days)}）` : `#${id}`));
  const opened = t.opened.map(({ id, reopens }) => (reopens ? `#${id}（#${reopens} 销号后再次出现）` : `#${id}`));
  if (continued.length) parts.push(`持续 ${continued.join('、')}`);
  if (opened.length) parts.push(`新登记 ${opened.join('、')}`);
  if (t.withdrawn.length) parts.push(`随更正撤销 ${t.withdrawn.map((id) => `#${id}`).join('、')}`);
  if (!parts.length) return null;
  return `问题跟踪：${parts.join('；')}。${opened.length ? '解决后请发送 #销号 编号 说明。' : ''}`;
}
