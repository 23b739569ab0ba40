import type { Handler } from './context';
import type { Role } from '../domain/people';

/**
 * Where a message was said. A dispatch group with projects bound is both 'group' and 'dispatch';
 * 'unbound' is a group the bot does not serve yet, where only setup commands are honoured.
 */
export type Place = 'group' | 'dispatch' | 'private' | 'unbound';

/** A role on the project a command concerns; 'admin' lets admins in as well. */
export type ProjectRole = Role | 'admin';

/** Who may use a command: anyone, admins, or the holders of a role on the project it concerns. */
export type Who = 'anyone' | 'admin' | readonly ProjectRole[];

export const ANYWHERE: readonly Place[] = ['group', 'dispatch', 'private'];

/** The facts #帮助, the README and the permission checks read; one declaration per command. */
interface Facts {
  /** The word after `#`. */
  name: string;
  aliases?: readonly string[];
  who: Who;
  where: readonly Place[];
  /** How to write it, on one line (`#停工 [项目] 原因 [至 日期]`). */
  usage: string;
  /** What it does, on one line. */
  help: string;
  /** The hint in a private chat when it needs a group, if not the usual one. */
  elsewhere?: string;
}

export interface SubcommandDef extends Facts {
  /** Whether the first word (and the rest) select it, when its name and aliases are not enough. */
  matches?: (word: string, rest: readonly string[]) => boolean;
  run: Handler;
}

export interface CommandDef extends Facts {
  /** When present, the first word picks one; `where` and `run` are then for the bare command. */
  subcommands?: readonly SubcommandDef[];
  run: Handler;
}

/** A command's name with its aliases. */
export function namesOf(d: Facts): string[] {
  return [d.name, ...(d.aliases ?? [])];
}

/**
 * The subcommand the first word selects. Mentions are not words (`#设置 联络员 @张三`); its args are
 * the words with its own first, since one may stand for several (a job's name, 领导 or 帮包领导).
 */
export function pickSubcommand(def: CommandDef, args: string): { sub: SubcommandDef; args: string } | null {
  const words = args.replace(/@\S+/g, ' ').split(/\s+/).filter(Boolean);
  const [word = '', ...rest] = words;
  const sub = def.subcommands?.find((s) => (s.matches ? s.matches(word, rest) : namesOf(s).includes(word)));
  return sub ? { sub, args: words.join(' ') } : null;
}
