import type { Ctx, Handler } from '../context';
import type { Stores } from '../../store/stores';
import type { Problem } from '../../domain/problem';
import type { Project } from '../../domain/project';
import type { MessageOutcome } from '../../domain/message';
import { outboxKey } from '../../domain/outbox';
import type { TrackedProblems } from '../../features/problems';
import { toHalfWidth } from '../../core/report/numbers';
import { daysBetween } from '../../time/clock';
import {
  CLOSE_COMMAND,
  CLOSE_USAGE,
  PROBLEMS_COMMAND,
  closeNeedsNote,
  closedJustNow,
  districtListElsewhere,
  noSuchProblem,
  openProblemsText,
  problemAlreadyClosed,
  problemClosed,
  problemClosedNotice,
  problemWithdrawn,
  type ClosedProblem,
  type ListedProblem,
  type ProblemTracking,
} from '../../text/problems';
import { theGroup } from '../guards';
import { ANYWHERE, type CommandDef, type ProjectDef, type Target } from '../command';

function listed(p: Problem, project: string | null, today: string): ListedProblem {
  return { problem: p, project, days: daysBetween(p.firstDate, today) };
}

function districtList(s: Stores, today: string): string {
  const names = new Map(s.projects.list().map((p) => [p.id, p.name]));
  return openProblemsText({ kind: 'district' }, s.problems.open().map((p) => listed(p, names.get(p.projectId) ?? '', today)));
}

function groupList(ctx: Ctx, projects: Project[]): string {
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const mine = ctx.s.problems.open().filter((p) => names.has(p.projectId));
  const only = projects.length === 1 ? projects[0]!.name : null;
  // A list of one project's items leaves the project out of each line: the title names it.
  const items = mine.map((p) => listed(p, only ? null : (names.get(p.projectId) ?? ''), ctx.today));
  return openProblemsText(only ? { kind: 'project', name: only } : { kind: 'group' }, items);
}

/** #问题: the open items of the group's projects; #问题 全部 in the dispatch group: the whole district's. */
const problems: Handler = (ctx) => {
  const group = theGroup(ctx);
  const projects = ctx.groupProjects();
  const all = ctx.args === '全部';
  if (group.isDispatch && (all || !projects.length)) {
    ctx.reply(districtList(ctx.s, ctx.today));
  } else if (all) {
    ctx.reply(districtListElsewhere(groupList(ctx, projects)));
  } else {
    ctx.reply(groupList(ctx, projects));
  }
  return 'command';
};

/** `12 说明`, `#12 说明`, `12号：说明`, in either width. */
const CLOSE_ARGS = /^#?\s*(\d+)\s*号?\s*[:,、]?\s*/;

interface OpenItem extends Target {
  item: Problem;
}

/** The item to close and its project; an item that is not open is answered whoever asks. */
function openItem(ctx: Ctx): OpenItem | string {
  // The half-width copy has the same length, so its match also cuts the note as typed.
  const m = CLOSE_ARGS.exec(toHalfWidth(ctx.args));
  if (!m) return CLOSE_USAGE;
  const id = Number(m[1]);
  const item = ctx.s.problems.get(id);
  const project = item && ctx.s.projects.byIds([item.projectId])[0];
  if (!item || !project) return noSuchProblem(id);
  if (item.status === 'withdrawn') return problemWithdrawn(id);
  if (item.status === 'closed') {
    const by = item.closedBy ? ctx.s.people.get(item.closedBy)?.name : undefined;
    return problemAlreadyClosed({ id, on: item.closedAt?.slice(0, 10) ?? null, by: by ?? null, note: item.closeNote });
  }
  return { project, rest: ctx.args.slice(m[0].length).trim(), item };
}

/** #销号 编号 说明: closes an item, keeping who, when and how; the project's other groups are told. */
function closeProblem(ctx: Ctx, { project, rest: note, item }: OpenItem): MessageOutcome {
  const id = item.id;
  if (!note) {
    ctx.reply(closeNeedsNote(id));
    return 'command';
  }
  if (!ctx.s.problems.close(id, ctx.person.id, note, ctx.now)) {
    ctx.reply(closedJustNow(id));
    return 'command';
  }
  const closed: ClosedProblem = {
    id,
    project: project.name,
    text: item.text,
    note,
    by: ctx.person.name,
    firstDate: item.firstDate,
    days: daysBetween(item.firstDate, ctx.today),
  };
  for (const g of ctx.s.groups.groupsOf(project.id)) {
    if (g.id === ctx.group?.id) continue;
    ctx.s.outbox.enqueue({ key: outboxKey.closed(ctx.messageId, g.id), target: { groupId: g.id }, text: problemClosedNotice(closed) }, ctx.now);
  }
  ctx.reply(problemClosed(closed));
  return 'command';
}

/** What a saved report did to the open items, for its acknowledgement. */
export function problemTracking(s: Stores, t: TrackedProblems, today: string): ProblemTracking {
  return {
    continued: t.continued.map((id) => {
      const p = s.problems.get(id);
      return { id, days: p ? daysBetween(p.firstDate, today) : 0 };
    }),
    opened: t.opened.map((id) => ({ id, reopens: s.problems.get(id)?.reopens ?? null })),
    withdrawn: t.withdrawn,
  };
}

export const problemsCommand: CommandDef = {
  name: '问题',
  who: 'anyone',
  where: ['group', 'dispatch'],
  ...PROBLEMS_COMMAND,
  run: problems,
};

export const closeCommand: ProjectDef<OpenItem> = {
  name: '销号',
  who: ['leader', 'liaison', 'admin'],
  where: ANYWHERE,
  ...CLOSE_COMMAND,
  target: openItem,
  run: closeProblem,
};
