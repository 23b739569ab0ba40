import type { Warning } from '../core/rules/warnings';
import { dayLabel } from './format';

const MARK = { red: '🔴', yellow: '🟡' } as const;

type Light = Pick<Warning, 'level' | 'text'>;

const header = (date: string, late: boolean) => `【预警】${dayLabel(date)}${late ? '（补发）' : ''}`;

/** A project group's lights of the day, in the order given (red first). */
export function groupWarningsText(date: string, late: boolean, lights: readonly Light[]): string {
  return [header(date, late), ...lights.map((w) => `${MARK[w.level]} ${w.text}`), '请抓紧落实，有困难请在群里说明。'].join('\n');
}

/** The dispatch group's summary: the district's red lights and (Mondays) the late starts. */
export function districtWarningsText(date: string, late: boolean, red: readonly Light[], notStarted: readonly Light[]): string {
  const lines = [`${header(date, late)} 全区`];
  if (red.length) lines.push(`红色预警 ${red.length} 项：`, ...red.map((w) => `${MARK.red} ${w.text}`));
  if (notStarted.length) lines.push(`逾期未开工 ${notStarted.length} 个（每周一通报）：`, ...notStarted.map((w) => `· ${w.text}`));
  return lines.join('\n');
}
