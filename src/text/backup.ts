/** Why a backup was not restored (printed by `rishai restore`). */
export function backupMissing(source: string): string {
  return `备份文件 ${source} 不存在`;
}

export function restoreTargetExists(target: string): string {
  return `${target} 已存在；恢复只写入新文件，不覆盖现有数据库`;
}

/** `problem`: what the check of the copy found. */
export function restoredCopyBad(problem: string): string {
  return `复制后检查未通过：${problem}`;
}
