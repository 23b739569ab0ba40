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
