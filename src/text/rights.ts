import type { Role } from '../domain/people';

/** The answers to someone a command is not for, or to a command said in the wrong place. */
export const REFUSAL = {
  adminOnly: '抱歉，该指令仅限管理员使用。',
  groupOnly: '请在项目工作群中发送该指令。',
  noProjectsHere: '本群没有绑定项目（调度群）。各项目报送情况见每晚日晒榜，全区问题可发送 #问题 全部。',
  dispatchOnly: '请在调度群中发送该指令。',
} as const;

const ROLE_NAMES: Record<Role | 'admin', string> = { liaison: '联络员', leader: '帮包领导', admin: '管理员' };

export function roleName(role: Role | 'admin'): string {
  return ROLE_NAMES[role];
}

/** Who may use a command, as the README's table says: 所有人, 管理员, 项目联络员、帮包领导、管理员 (`roles` by name). */
export function whoText(who: 'anyone' | 'admin' | readonly string[]): string {
  if (typeof who !== 'string') return `项目${who.join('、')}`;
  return who === 'anyone' ? '所有人' : '管理员';
}

/** 抱歉，只有精细化工中间体项目的联络员、帮包领导或管理员可以申报停工、复工。 */
export function notYourProject(project: string, roles: readonly string[], action: string): string {
  const who = roles.length > 1 ? `${roles.slice(0, -1).join('、')}或${roles.at(-1)}` : roles.join('');
  return `抱歉，只有${project}的${who}可以${action}。`;
}
