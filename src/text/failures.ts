/** Alerts to the admins when something failed that nobody would otherwise notice. */

const HEAD = '【日晒告警】';

export function jobFailedText(label: string, date: string, error: string): string {
  return `${HEAD}日程「${label}」（${date}）运行失败：${error}。其他日程照常运行；请查看日志，修复后可在沙盒或命令行重新运行。`;
}

export function sendGivenUpText(error: string): string {
  return `${HEAD}有消息多次发送失败，已停止重试（${error}）。请检查机器人的微信登录和网络；今天再有发送失败不再重复提醒。`;
}

export function diskLowText(dir: string, freeMB: number, totalMB: number): string {
  const free = freeMB >= 1024 ? `${(freeMB / 1024).toFixed(1)} GB` : `${freeMB} MB`;
  const pct = totalMB > 0 ? `（${((freeMB / totalMB) * 100).toFixed(1)}%）` : '';
  return `${HEAD}数据目录 ${dir} 所在磁盘只剩 ${free}${pct}，请尽快清理或扩容，否则日报和备份可能无法保存。`;
}
