export const SET_COMMAND = { usage: '#设置 …', help: '指定联络员、帮包领导、管理员，设置调度群、日程时间、预警阈值和通报规则' } as const;

/** The subcommands of #设置, by what they set. */
export const SET_SUBCOMMANDS = {
  liaison: { usage: '#设置 联络员 [项目] @某人', help: '指定本群项目的联络员（本群有多个项目时可写项目名）' },
  leader: { usage: '#设置 领导 [项目] @某人', help: '指定本群项目的帮包领导' },
  admin: { usage: '#设置 管理员 @某人', help: '增加管理员' },
  dispatch: { elsewhere: '请在调度群里发送 #设置 调度群。', usage: '#设置 调度群', help: '在调度群里发送，日晒榜和通报发到这里' },
  warnings: { usage: '#设置 预警', help: '查看预警阈值；修改如 #设置 预警 滞后黄 15' },
  honours: { usage: '#设置 通报', help: '查看月通报表扬、批评规则；修改如 #设置 通报 批评报送率 85' },
  jobTime: { usage: '#设置 日程名 时间', help: '修改日程时间，如 #设置 提醒 16:30、#设置 周调度 周一 9:00' },
} as const;

/** How to write one or more commands, when what was typed did not read. */
export function usageReply(usages: readonly string[]): string {
  return `用法：${usages.join('　')}`;
}

/** `role`: the word the admin typed for it (联络员, 领导 or 帮包领导). */
export function rolesAssigned(role: string, people: readonly string[], projects: readonly string[]): string {
  return `已设置${role}：${people.join('、')}（${projects.join('、')}）。`;
}

export function adminsAdded(people: readonly string[]): string {
  return `已设为管理员：${people.join('、')}。`;
}

export const DISPATCH_SET = '已将本群设为调度群：每个工作日晚间在此发布日晒榜。';

/** A yes/no setting as the change log records it. */
export function yesNo(v: boolean): string {
  return v ? '是' : '否';
}

/** The unit of a warning threshold or a bulletin rule. */
export type Unit = 'workdays' | 'points' | 'days' | 'percent' | 'projects';

const UNIT: Record<Unit, string> = { workdays: '个工作日', points: '个百分点', days: '天', percent: '%', projects: '个' };

const withUnit = (n: number, unit: Unit) => (unit === 'percent' ? `${n}%` : `${n} ${UNIT[unit]}`);

/** A named setting as admins type it, its value in force and its unit. */
export interface NamedValue {
  name: string;
  value: number;
  unit: Unit;
}

/** A value outside a setting's range; `typed` as the admin typed it. */
export interface OutOfRange {
  name: string;
  min: number;
  max: number;
  unit: Unit;
  typed: string;
}

/** A change of a setting from one value to another. */
export interface Change {
  name: string;
  from: number;
  to: number;
  unit: Unit;
}

export function unknownThreshold(name: string, names: readonly string[]): string {
  return `没有「${name}」这项预警阈值。可设置：${names.join('、')}，例如 #设置 预警 滞后黄 15`;
}

export function thresholdOutOfRange(r: OutOfRange): string {
  return `${r.name}应为 ${r.min}–${r.max} 的整数（${UNIT[r.unit]}），读到「${r.typed}」。`;
}

/** A yellow threshold set at or above its red one, or the red at or below the yellow. */
export function thresholdsCrossed(name: string, value: number): string {
  return `黄色阈值须小于红色阈值，${name}设为 ${value} 不成立。`;
}

export function thresholdChanged(c: Change): string {
  return `已将预警阈值「${c.name}」由 ${c.from} 改为 ${withUnit(c.to, c.unit)}，明早预警起生效。`;
}

/** #设置 预警: the thresholds in force. */
export function thresholdsText(values: readonly NamedValue[]): string {
  return ['预警阈值：', ...values.map((v) => `· ${v.name}：${withUnit(v.value, v.unit)}`), '修改：#设置 预警 名称 数值'].join('\n');
}

export function unknownHonourRule(name: string, names: readonly string[]): string {
  return `没有「${name}」这项通报规则。可设置：${names.join('、')}，例如 #设置 通报 批评报送率 85`;
}

/** `example`: the rule's default, a value that reads. */
export function honourRuleOutOfRange(r: OutOfRange & { example: number }): string {
  return `${r.name}应为 ${r.min}–${r.max} 的整数（${UNIT[r.unit]}），读到「${r.typed}」。例如 #设置 通报 ${r.name} ${r.example}`;
}

/** A change that would criticise a rate that is also commended. */
export function honourRatesCrossed(name: string, value: number, rates: { criticise: number; commend: number }): string {
  return `批评报送率须不高于表扬报送率（现为 批评 ${rates.criticise}%、表扬 ${rates.commend}%），${name}设为 ${value}% 不成立。`;
}

export function honourRuleChanged(c: Change): string {
  return `已将通报规则「${c.name}」由 ${withUnit(c.from, c.unit)} 改为 ${withUnit(c.to, c.unit)}，下次月通报起生效。`;
}

/** The bulletin's rules in force, as the summary lines read them. */
export interface HonourRuleValues {
  commendRate: number;
  commendLimit: number;
  commendProgress: number;
  criticiseRate: number;
  criticiseOverdueDays: number;
  criticiseStagnantDays: number;
}

/** #设置 通报: what is commended and criticised, then each rule by name. */
export function honourRulesText(r: HonourRuleValues, values: readonly NamedValue[]): string {
  return [
    '月通报表扬、批评规则：',
    `表扬：报送率 ≥ ${r.commendRate}%、月末绿灯，且投资完成不低于序时进度（无年度计划的，形象进度提升 ≥ ${r.commendProgress} 个百分点），最多 ${r.commendLimit} 个`,
    `批评（满足任一）：报送率 < ${r.criticiseRate}%；月末红灯；逾期 ≥ ${r.criticiseOverdueDays} 天未开工；形象进度 ≥ ${r.criticiseStagnantDays} 天无变化`,
    ...values.map((v) => `· ${v.name}：${withUnit(v.value, v.unit)}`),
    '修改：#设置 通报 名称 数值，例如 #设置 通报 批评报送率 85',
  ].join('\n');
}
