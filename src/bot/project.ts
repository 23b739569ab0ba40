import type { Ctx } from './context';
import type { Project } from '../domain/project';
import type { Role } from '../domain/people';
import type { ProjectRole, Target } from './command';
import { matchProject } from '../core/report/match';
import { holdsRole } from '../features/roles';
import { REFUSAL } from '../text/rights';
import { ambiguousProject, nameTheProject, noProjectOfYours, unknownProject, whichProject } from '../text/project';

/** Which project a command means, as read from its args. */
export type ProjectPick =
  | { kind: 'found'; project: Project; rest: string }
  /** Nothing named, and the command takes all of the group's projects. */
  | { kind: 'all'; projects: Project[] }
  /** No project in reach: a group without projects, or none the asker holds a role on. */
  | { kind: 'none' }
  /** Several in reach and none named. */
  | { kind: 'unnamed'; candidates: Project[] }
  | { kind: 'ambiguous'; typed: string; candidates: Project[] }
  | { kind: 'unknown'; typed: string; candidates: Project[] };

/** The args are a project name, or nothing for all of the group's projects (#进度, #解绑, #设置 联络员). */
export interface WholeArgs {
  naming: 'whole';
}

/** The first word may name a project; the rest is the command's own text (#停工 [项目] 原因). */
export interface FirstWord {
  naming: 'first-word';
  /** Outside a project group, the projects the asker holds one of these on are in reach (admins: all). */
  roles?: readonly ProjectRole[];
  /** A lone word is the command's text, not a project (#点评 不错). */
  nameNeedsText?: boolean;
  /** For the answers: 请写明{verb}哪个项目，例如：{example}. */
  verb: string;
  example: (project: string) => string;
}

export type ProjectQuery = WholeArgs | FirstWord;

export const WHOLE_ARGS: WholeArgs = { naming: 'whole' };

/** The projects a command can be about here: the group's; elsewhere those the asker holds a role on. */
function inReach(ctx: Ctx, roles: readonly ProjectRole[] = []): Project[] {
  const own = ctx.groupProjects();
  if (own.length || !roles.length) return own;
  if (ctx.person.isAdmin && roles.includes('admin')) return ctx.s.projects.list();
  const held = roles.filter((r): r is Role => r !== 'admin');
  return ctx.s.projects.list().filter((p) => holdsRole(ctx.s, ctx.person, p, held));
}

/** The one way every command reads which project it means; projectRefusal words each other case. */
export function resolveProject(ctx: Ctx, args: string, q: WholeArgs): Exclude<ProjectPick, { kind: 'unnamed' }>;
export function resolveProject(ctx: Ctx, args: string, q: FirstWord): Exclude<ProjectPick, { kind: 'all' }>;
export function resolveProject(ctx: Ctx, args: string, q: ProjectQuery): ProjectPick {
  const candidates = inReach(ctx, q.naming === 'first-word' ? q.roles : []);
  if (!candidates.length) return { kind: 'none' };
  if (q.naming === 'whole') {
    if (!args) return { kind: 'all', projects: candidates };
    const found = matchProject(args, candidates);
    if (found.kind === 'match') return { kind: 'found', project: found.project, rest: '' };
    return found.kind === 'ambiguous' ? { kind: 'ambiguous', typed: args, candidates: found.candidates } : { kind: 'unknown', typed: args, candidates };
  }
  const [first = '', ...others] = args.split(/\s+/).filter(Boolean);
  const named = first && (others.length || !q.nameNeedsText) ? matchProject(first, candidates) : { kind: 'none' as const };
  if (named.kind === 'match') return { kind: 'found', project: named.project, rest: others.join(' ') };
  // The first word was not a project: it is the command's text, about the only project in reach.
  if (candidates.length === 1) return { kind: 'found', project: candidates[0]!, rest: args };
  return named.kind === 'ambiguous' ? { kind: 'ambiguous', typed: first, candidates: named.candidates } : { kind: 'unnamed', candidates };
}

const names = (projects: readonly Project[]) => projects.map((p) => p.name);

/** What the asker is told when no single project was found. */
export function projectRefusal(ctx: Ctx, pick: Exclude<ProjectPick, { kind: 'found' | 'all' }>, q: ProjectQuery): string {
  const inGroup = ctx.groupProjects().length > 0;
  switch (pick.kind) {
    case 'none': {
      // Reach by role is the fallback outside a project group, so an empty one says whose projects.
      if (q.naming === 'whole' || !q.roles?.length) return REFUSAL.noProjectsHere;
      const leaderOnly = q.roles.every((r) => r === 'leader' || r === 'admin');
      return noProjectOfYours(leaderOnly, q.verb);
    }
    case 'unnamed':
      // Only the first-word rule leaves a project unnamed: with the whole args, nothing named means all.
      if (q.naming === 'whole') return nameTheProject(names(pick.candidates));
      return whichProject({ verb: q.verb, example: q.example(pick.candidates[0]!.name), candidates: names(pick.candidates), inGroup });
    case 'ambiguous':
      return ambiguousProject(pick.typed, names(pick.candidates));
    case 'unknown':
      return unknownProject(pick.typed, names(pick.candidates));
  }
}

/** A command's target by the first-word rule, or the answer when there is none. */
export function projectNamed(ctx: Ctx, q: FirstWord): Target | string {
  const pick = resolveProject(ctx, ctx.args, q);
  return pick.kind === 'found' ? { project: pick.project, rest: pick.rest } : projectRefusal(ctx, pick, q);
}
