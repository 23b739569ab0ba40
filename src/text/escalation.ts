import type { LadderLevel } from '../core/rules/problems';
import { dayLabel } from './format';

/** An open item that climbed a step of the ladder today. */
export interface EscalatedProblem {
  id: number;
  project: string;
  /** 责任单位. */
  unit: string | null;
  text: string;
  firstDate: string;
  days: number;
  level: LadderLevel;
}

/** What a project group is told at each step (indexed by level). */
const ASK = ['', '请联络员、责任单位抓紧协调解决', '请帮包领导督促协调', '已报调度群并发提醒函', '已报区主要领导并发督办函'] as const;

function groupLine(p: EscalatedProblem, withProject: boolean): string {
  const project = withProject ? `${p.project}：` : '';
  return `#${p.id} ${project}${p.text}（${dayLabel(p.firstDate)}提出，已 ${p.days} 天）——${ASK[p.level]}`;
}

function dispatchLine(p: EscalatedProblem): string {
  const unit = p.unit ? `（${p.unit}）` : '';
  const letter = p.level === 4 ? '督办函，呈区主要领导' : '提醒函';
  return `#${p.id} ${p.project}${unit}：${p.text}（已 ${p.days} 天，${letter}）`;
}

export interface Escalation {
  date: string;
  late: boolean;
  /** The group's own items that climbed; named by project when the group has several. */
  items: readonly EscalatedProblem[];
  withProject: boolean;
  /** In a dispatch group, the district's items that reached a letter (step 3 and up). */
  letters: readonly EscalatedProblem[];
}

/** 问题督办: one message per group; the letters themselves follow as separate messages. */
export function escalationText(e: Escalation): string {
  const text = [`【问题督办】${dayLabel(e.date)}${e.late ? '（补发）' : ''}`];
  if (e.items.length) text.push('以下问题尚未销号：', ...e.items.map((p) => groupLine(p, e.withProject)), '问题解决后请发送 #销号 编号 说明。');
  if (e.letters.length) text.push('以下问题久拖未决：', ...e.letters.map(dispatchLine), '函件文本见后续消息，可直接复制印发。');
  return text.join('\n');
}
