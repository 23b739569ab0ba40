import type { CliIo } from './index';
import { parseMessage } from '../core/report/parse';

/** `rishai parse [--at ISO_TIME]`: one message on stdin, one JSON object on stdout (a contract). */
export async function runParse(at: string | undefined, io: CliIo): Promise<number> {
  const postedAt = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(postedAt.getTime())) {
    io.err(`--at「${at}」不是有效的时间，应为 ISO 格式，例如 2026-11-24T17:05:00+08:00`);
    return 2;
  }
  const result = parseMessage(await io.stdin(), postedAt);
  if (result.kind === 'invalid') {
    io.out(JSON.stringify({ kind: 'invalid', errors: result.errors.map((e) => ({ field: e.field, message: `${e.message}（${e.got ? `读到「${e.got}」，` : ''}示例：${e.example}）` })) }));
    return 1;
  }
  io.out(JSON.stringify(result));
  return 0;
}
