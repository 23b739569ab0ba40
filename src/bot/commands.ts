import type { CommandDef } from './command';
import { namesOf } from './command';
import { helpCommand } from './handlers/help';
import { templateCommand } from './handlers/template';
import { confirmCommand } from './handlers/report';
import { progressCommand } from './handlers/progress';
import { unreportedCommand } from './handlers/unreported';
import { closeCommand, problemsCommand } from './handlers/problems';
import { resumeWorkCommand, stopCommand } from './handlers/stoppage';
import { commentCommand } from './handlers/comment';
import { pauseCommand, resumeCommand, scheduleCommand } from './handlers/schedule';
import { bindCommand, unbindCommand } from './handlers/bind';
import { setCommand } from './handlers/set';

/**
 * Every chat command, in the order #帮助 and the README list them. The router, #帮助, the
 * setup-command rule and the permission checks all read this list; the README table is checked
 * against it by a test.
 */
export const COMMANDS: readonly CommandDef[] = [
  helpCommand(() => COMMANDS),
  templateCommand,
  confirmCommand,
  progressCommand,
  unreportedCommand,
  problemsCommand,
  closeCommand,
  stopCommand,
  resumeWorkCommand,
  commentCommand,
  scheduleCommand,
  bindCommand,
  unbindCommand,
  setCommand,
  pauseCommand,
  resumeCommand,
];

const BY_NAME: ReadonlyMap<string, CommandDef> = new Map(COMMANDS.flatMap((c) => namesOf(c).map((n) => [n, c] as const)));

export function findCommand(name: string): CommandDef | undefined {
  return BY_NAME.get(name);
}
