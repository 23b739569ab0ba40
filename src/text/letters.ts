/** 提醒函 at the dispatch step of the problem ladder, 督办函 at the principal leaders' step. */
export type LetterKind = 'reminder' | 'supervision';

export interface LetterInput {
  kind: LetterKind;
  /** The problem's number, as typed in #销号. */
  number: number;
  project: string;
  /** 责任单位 from the registry; the letter is addressed to it. */
  unit: string | null;
  /** 帮包领导, copied on a 督办函. */
  leader: string | null;
  problem: string;
  firstDate: string;
  today: string;
  days: number;
  /** Working days the unit has to report back. */
  deadlineWorkdays?: number;
}

const OFFICE = '区重点项目办公室';
const INDENT = '\u3000\u3000';

/** `2026-11-24` → `2026年11月24日`, as dated in official letters. */
export function longDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A ready-to-paste letter in office style: title, addressee, body, closing, sender and date. */
export function letterText(l: LetterInput): string {
  const deadline = l.deadlineWorkdays ?? 5;
  const subject = `${l.project}“${l.problem}”问题`;
  const since = `${INDENT}${l.project}日报自${longDate(l.firstDate)}起反映“${l.problem}”问题（问题编号 ${l.number}），截至${longDate(l.today)}已持续${l.days}天`;
  const close = `问题解决后，请在项目工作群发送“#销号 ${l.number} 办理情况”予以销号。`;
  const body =
    l.kind === 'reminder'
      ? [
          `关于加快解决${subject}的提醒函`,
          '',
          `${l.unit ?? `${l.project}责任单位`}：`,
          '',
          `${since}，至今未能解决，影响项目建设进度。`,
          '',
          `${INDENT}请你单位高度重视，主动对接相关部门，抓紧协调解决，并于${deadline}个工作日内将办理情况报${OFFICE}。${close}`,
          '',
          `${INDENT}特此函告。`,
        ]
      : [
          `关于督办解决${subject}的督办函`,
          '',
          `${l.unit ?? `${l.project}责任单位`}：`,
          '',
          `${since}，长期未能解决，严重影响项目建设进度，已列为区主要领导督办事项。`,
          '',
          `${INDENT}请你单位主要负责同志亲自过问，明确责任人和完成时限，切实推动问题解决，并于${deadline}个工作日内将办理结果书面报${OFFICE}。${close}`,
          '',
          `${INDENT}特此督办。`,
        ];
  const lines = [...body, '', OFFICE, longDate(l.today)];
  if (l.kind === 'supervision') lines.push('', '抄报：区主要领导', ...(l.leader ? [`抄送：${l.leader}（帮包领导）`] : []));
  return lines.join('\n');
}
