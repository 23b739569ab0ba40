import type { Ctx, Handler } from './context';
import type { Role } from '../domain/people';
import type { Project } from '../domain/project';
import type { MessageOutcome } from '../domain/message';
import { roleName, whoText } from '../text/rights';

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
  where: readonly Place[];
  /** How to write it, on one line (`#停工 [项目] 原因 [至 日期]`). */
  usage: string;
  /** What it does, on one line. */
  help: string;
  /** The hint in a private chat when it needs a group, if not the usual one. */
  elsewhere?: string;
}

/** A command for anyone, or for admins. */
export interface OpenDef extends Facts {
  who: 'anyone' | 'admin';
  run: Handler;
}

/** The project a command is about, and the rest of what was typed. */
export interface Target {
  project: Project;
  rest: string;
}

/** A command for the holders of a role on one project: the project is found first, then the right checked. */
export interface ProjectDef<T extends Target = Target> extends Facts {
  who: readonly ProjectRole[];
  /** What the roles may do, for the refusal: 抱歉，只有{项目}的{roles}可以{action}。 */
  action: string;
  /** A role's name where the usual one says too little (the liaison speaks for the 责任单位 when closing items). */
  roleNames?: Partial<Record<ProjectRole, string>>;
  /** The project the message means, or the answer when there is none to act on. */
  target(ctx: Ctx): T | string;
  run(ctx: Ctx, t: T): MessageOutcome | Promise<MessageOutcome>;
}

export type LeafDef = OpenDef | ProjectDef;

export type SubcommandDef = LeafDef & {
  /** Whether the first word (and the rest) select it, when its name and aliases are not enough. */
  matches?: (word: string, rest: readonly string[]) => boolean;
};

/** A command whose first word picks a subcommand; `where` and `run` are for the bare command. */
export interface ParentDef extends Facts {
  who: 'anyone' | 'admin';
  subcommands: readonly SubcommandDef[];
  run: Handler;
}

export type CommandDef = LeafDef | ParentDef;

export function isProjectDef(d: LeafDef | ParentDef): d is ProjectDef {
  return typeof d.who !== 'string';
}

/** The roles of a project command by name, in their declared order. */
export function roleNames(d: ProjectDef): string[] {
  return d.who.map((r) => d.roleNames?.[r] ?? roleName(r));
}

/** Who may use it, as the README's table says. */
export function whoLabel(d: CommandDef | SubcommandDef): string {
  return whoText(isProjectDef(d) ? roleNames(d) : d.who);
}

/** A command's name with its aliases. */
export function namesOf(d: Facts): string[] {
  return [d.name, ...(d.aliases ?? [])];
}

/**
 * The subcommand the first word selects. Mentions are not words (`#设置 联络员 @张三`); its args are
 * the words with its own first, since one may stand for several (a job's name, 领导 or 帮包领导).
 */
export function pickSubcommand(def: ParentDef, args: string): { sub: SubcommandDef; args: string } | null {
  const words = args.replace(/@\S+/g, ' ').split(/\s+/).filter(Boolean);
  const [word = '', ...rest] = words;
  const sub = def.subcommands.find((s) => (s.matches ? s.matches(word, rest) : namesOf(s).includes(word)));
  return sub ? { sub, args: words.join(' ') } : null;
}
