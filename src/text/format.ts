import type { FieldError, Report } from '../domain/report';

/** A figure with one decimal, as every rate and point in the chat texts and images is shown: `30.0`. */
export function oneDecimal(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

/** A rate in percent with one decimal, or `—` when there is none: `30.0%`. */
export function percentText(v: number | null): string {
  return v === null ? '—' : `${oneDecimal(v)}%`;
}

export function dayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** The figures the parser understood, in one line, so staff can spot a misread at a glance. */
export function reportFigures(r: Report): string {
  const parts: string[] = [];
  if (r.progressPercent !== null) parts.push(`形象进度 ${num(r.progressPercent)}%`);
  if (r.workers !== null) parts.push(`施工 ${r.workers} 人`);
  if (r.machines !== null) parts.push(`机械 ${r.machines} 台`);
  if (r.investmentCumulative !== null) parts.push(`累计投资 ${num(r.investmentCumulative)} 万元`);
  if (r.investmentMonth !== null) parts.push(`本月投资 ${num(r.investmentMonth)} 万元`);
  parts.push(r.problems.length ? `问题 ${r.problems.length} 项` : '无问题');
  return parts.join('，');
}

/** One line per field to fix: the field, what was read, what is wrong, an example. */
export function errorLines(errors: FieldError[]): string[] {
  return errors.map((e) => {
    const got = e.got ? `读到「${e.got}」，` : '';
    return `· ${e.field}：${got}${e.message}。示例：${e.field}：${e.example}`;
  });
}

export function invalidReply(errors: FieldError[]): string {
  return ['日报未保存，请修改以下内容后重新发送：', ...errorLines(errors), '发送 #模板 可获取填写模板。'].join('\n');
}

export function reportTemplate(projectName: string): string {
  return [
    '#日报',
    `项目名称：${projectName}`,
    '日期：今天',
    '形象进度：38%（主体施工）',
    '今日进展：',
    '施工人数：64人',
    '机械设备：7台',
    '累计完成投资：14200万元',
    '本月完成投资：900万元',
    '存在问题：无',
    '明日计划：',
  ].join('\n');
}
