export const BIND_COMMAND = {
  elsewhere: '请在要绑定的项目工作群中发送 #绑定 项目名。',
  usage: '#绑定 项目名[、项目名]',
  help: '将本群绑定到台账里的项目（可多个，用、分隔）',
} as const;

export const UNBIND_COMMAND = { usage: '#解绑 [项目名]', help: '解除绑定（不写项目名则全部解除）' } as const;

export const BIND_USAGE = '请写明项目名称，例如：#绑定 精细化工中间体项目（多个项目用、分隔）';

/** A name typed in #绑定 that does not pick one registry project. */
export type UnclearName = { kind: 'ambiguous'; typed: string; candidates: readonly string[] } | { kind: 'unknown'; typed: string };

/** Nothing is bound while any name is unclear. */
export function notBound(names: readonly UnclearName[]): string {
  const why = names.map((n) => (n.kind === 'ambiguous' ? `「${n.typed}」可能是：${n.candidates.join('、')}，请写全称` : `台账中没有「${n.typed}」`));
  return `未绑定：${why.join('；')}。`;
}

export function bound(chosen: readonly string[], all: readonly string[]): string {
  return `已绑定：${chosen.join('、')}。\n本群项目：${all.join('、')}\n请项目联络员每个工作日在本群发送日报（发送 #模板 获取格式）。`;
}

export const ALL_UNBOUND = '已解除本群全部项目绑定，此后不再处理本群消息。';

/** `rest`: the group's projects still bound. */
export function unbound(project: string, rest: readonly string[]): string {
  return `已解绑：${project}。${rest.length ? `本群项目：${rest.join('、')}` : '本群已无绑定项目。'}`;
}
