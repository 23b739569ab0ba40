/** Why a group could not be matched to a room after a login. */
export function ambiguousRooms(count: number): string {
  return `有 ${count} 个同名且成员相近的群，无法确定`;
}

export const NO_MATCHING_ROOM = '未找到同名或成员相近的群';

/** Two of our groups matched the same room. */
export function sharedRoom(topic: string): string {
  return `与其他群指向同一个群「${topic}」，未合并`;
}

/** To each admin, about a group left unresolved after a login. */
export function unresolvedGroupNotice(topic: string, reason: string): string {
  return `重新登录后未能确认群「${topic}」对应哪个微信群（${reason}）。该群的消息暂不处理，请在正确的群里重新发送 #绑定 项目名。`;
}
