import type { CliIo } from './index';
import type { FieldError, ProjectResult } from '../domain/report';
import { parseMessage } from '../core/report/parse';

/** An error as the contract prints it: the field's canonical label, and what to fix with what was read. */
const printed = (errors: FieldError[]) =>
  errors.map((e) => ({ field: e.field, message: `${e.message}（${e.got ? `读到「${e.got}」，` : ''}示例：${e.example}）` }));

const printedProject = (r: ProjectResult) => (r.kind === 'report' ? r : { kind: 'invalid', project: r.project, errors: printed(r.errors) });

/**
 * `rishai parse [--at ISO_TIME]`: one message on stdin, one JSON object on stdout (a contract).
 * Exits 1 when a report has to be fixed (with several projects: when any has), else 0. Messages
 * of any length are read: the size the bot reads in chat is its own limit, not the contract's.
 */
export async function runParse(at: string | undefined, io: CliIo): Promise<number> {
  const postedAt = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(postedAt.getTime())) {
    io.err(`--at「${at}」不是有效的时间，应为 ISO 格式，例如 2026-11-24T17:05:00+08:00`);
    return 2;
  }
  const result = parseMessage(await io.stdin(), postedAt);
  switch (result.kind) {
    case 'invalid':
      io.out(JSON.stringify({ kind: 'invalid', errors: printed(result.errors) }));
      return 1;
    case 'reports':
      io.out(JSON.stringify({ kind: 'reports', reports: result.reports.map(printedProject) }));
      return result.reports.every((r) => r.kind === 'report') ? 0 : 1;
    default:
      io.out(JSON.stringify(result));
      return 0;
  }
}
