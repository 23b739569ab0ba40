import type { CliIo } from './index';
import { withCliDb } from './db';
import { ProjectStore } from '../store/projects';
import { importRegistry } from '../features/registry/import';

/** Enough errors to show what is wrong with a file without flooding the terminal. */
const MAX_PRINTED_ERRORS = 200;

/** `rishai import FILE`: loads or updates the project registry; changes nothing when the file is invalid. */
export async function runImport(dbFile: string, args: string[], io: CliIo): Promise<number> {
  const [file] = args;
  if (!file) {
    io.err('请指定台账文件，例如：npx rishai import data/projects.csv');
    return 2;
  }
  return withCliDb(dbFile, 'create', io, async (db) => {
    const result = await importRegistry(new ProjectStore(db), file, new Date());
    if (!result.ok) {
      const shown = result.errors.slice(0, MAX_PRINTED_ERRORS).map((e) => e.message);
      const rest = result.errors.length - shown.length;
      if (rest > 0) shown.push(`另有 ${rest} 处错误未列出`);
      io.err(`台账有误，未做任何修改：\n${shown.join('\n')}`);
      return 1;
    }
    const { inserted, updated, unchanged } = result.summary;
    io.out(`已导入 ${file}：新增 ${inserted} 个，更新 ${updated} 个，未变 ${unchanged} 个。`);
    return 0;
  });
}
