import { dayLabel } from './format';

export const UNREPORTED_COMMAND = { usage: '#未报', help: '查看本群今天还没报日报的项目' } as const;

/** #未报: the group's projects owing today's report, and those excused by a stoppage. */
export function unreportedText(date: string, missing: readonly string[], stopped: readonly string[]): string {
  const note = stopped.length ? `\n停工中（不计未报）：${stopped.join('、')}` : '';
  return (
    (missing.length
      ? `${dayLabel(date)}尚未报送日报的项目（${missing.length} 个）：\n${missing.map((p) => `· ${p}`).join('\n')}`
      : `${dayLabel(date)}本群应报项目均已报送日报。`) + note
  );
}
