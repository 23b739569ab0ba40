import type { Ctx, Handler } from '../context';
import type { Stores } from '../../store/stores';
import type { Problem } from '../../domain/problem';
import type { Project } from '../../domain/project';
import type { MessageOutcome } from '../../domain/message';
import { outboxKey } from '../../domain/outbox';
import type { TrackedProblems } from '../../features/problems';
import { toHalfWidth } from '../../core/report/numbers';
import { ADDRESSEE_LABEL, LADDER } from '../../core/rules/problems';
import { daysBetween } from '../../time/clock';
import { dayLabel } from '../../text/format';
import { theGroup } from '../guards';
import { ANYWHERE, type CommandDef, type ProjectDef, type Target } from '../command';

/** A list stops here, so it stays about one screen in WeChat. */
const LIST_CAP = 30;
const CLOSE_HINT = '销号请发送：#销号 编号 说明';

function age(p: Problem, today: string): string {
  const days = daysBetween(p.firstDate, today);
  return days > 0 ? `已 ${days} 天` : '今日提出';
}

/** `#12 [项目：]问题（已 9 天，第 2 级：帮包领导）`; the level is the step last announced. */
function itemLine(p: Problem, project: string | null, today: string): string {
  const addressee = LADDER[p.announcedLevel - 1];
  const level = addressee ? `，第 ${p.announcedLevel} 级：${ADDRESSEE_LABEL[addressee]}` : '';
  return `#${p.id} ${project ? `${project}：` : ''}${p.text}（${age(p, today)}${level}）`;
}

/** A capped list of open items, longest open first; `nameOf` is null when every item is of one project named in the title. */
function listing(title: string, items: Problem[], nameOf: ((projectId: number) => string) | null, today: string): string {
  const more = items.length - LIST_CAP;
  return [
    `${title} ${items.length} 项${more > 0 ? `，列出最早提出的 ${LIST_CAP} 项` : ''}：`,
    ...items.slice(0, LIST_CAP).map((p) => itemLine(p, nameOf ? nameOf(p.projectId) : null, today)),
    ...(more > 0 ? [`另有 ${more} 项未列出。`] : []),
    CLOSE_HINT,
  ].join('\n');
}

function districtList(s: Stores, today: string): string {
  const open = s.problems.open();
  if (!open.length) return '全区目前没有未销号的问题。';
  const names = new Map(s.projects.list().map((p) => [p.id, p.name]));
  return listing('全区未销号问题', open, (id) => names.get(id) ?? '', today);
}

function groupList(ctx: Ctx, projects: Project[]): string {
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const mine = ctx.s.problems.open().filter((p) => names.has(p.projectId));
  const only = projects.length === 1 ? projects[0]!.name : null;
  if (!mine.length) return `${only ?? '本群项目'}目前没有未销号的问题。`;
  return only
    ? listing(`${only}未销号问题`, mine, null, ctx.today)
    : listing('本群未销号问题', mine, (id) => names.get(id) ?? '', ctx.today);
}

/** #问题: the open items of the group's projects; #问题 全部 in the dispatch group: the whole district's. */
const problems: Handler = (ctx) => {
  const group = theGroup(ctx);
  const projects = ctx.groupProjects();
  const all = ctx.args === '全部';
  if (group.isDispatch && (all || !projects.length)) {
    ctx.reply(districtList(ctx.s, ctx.today));
  } else if (all) {
    ctx.reply(`全区问题清单请在调度群查看。\n${groupList(ctx, projects)}`);
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
  if (!m) return '请写明问题编号和销号说明，例如：#销号 12 已协调供电部门完成迁改。发送 #问题 可查看编号。';
  const id = Number(m[1]);
  const item = ctx.s.problems.get(id);
  const project = item && ctx.s.projects.byIds([item.projectId])[0];
  if (!item || !project) return `没有编号为 ${id} 的问题，请发送 #问题 核对编号。`;
  if (item.status === 'withdrawn') return `#${id} 已随日报更正撤销，无需销号。`;
  if (item.status === 'closed') {
    const by = item.closedBy ? ctx.s.people.get(item.closedBy)?.name : undefined;
    const when = item.closedAt ? dayLabel(item.closedAt.slice(0, 10)) : '';
    return `#${id} 已于${when}由${by ?? '他人'}销号${item.closeNote ? `（${item.closeNote}）` : ''}，无需重复销号。`;
  }
  return { project, rest: ctx.args.slice(m[0].length).trim(), item };
}

/** #销号 编号 说明: closes an item, keeping who, when and how; the project's other groups are told. */
function closeProblem(ctx: Ctx, { project, rest: note, item }: OpenItem): MessageOutcome {
  const id = item.id;
  if (!note) {
    ctx.reply(`请写明销号说明，例如：#销号 ${id} 已协调供电部门完成迁改。`);
    return 'command';
  }
  if (!ctx.s.problems.close(id, ctx.person.id, note, ctx.now)) {
    ctx.reply(`#${id} 刚刚已被销号，无需重复销号。`);
    return 'command';
  }
  const summary = `#${id} ${project.name}：${item.text}\n说明：${note}`;
  for (const g of ctx.s.groups.groupsOf(project.id)) {
    if (g.id === ctx.group?.id) continue;
    ctx.s.outbox.enqueue({ key: outboxKey.closed(ctx.messageId, g.id), target: { groupId: g.id }, text: `【问题销号】${ctx.person.name}已销号 ${summary}` }, ctx.now);
  }
  ctx.reply(`已销号 ${summary}\n自${dayLabel(item.firstDate)}提出，历时 ${daysBetween(item.firstDate, ctx.today)} 天。`);
  return 'command';
}

/** One line for a report's acknowledgement: which items it carried on and which it opened. */
export function trackingNote(s: Stores, t: TrackedProblems, today: string): string | null {
  const parts: string[] = [];
  const continued = t.continued.map((id) => {
    const p = s.problems.get(id);
    return p && daysBetween(p.firstDate, today) > 0 ? `#${id}（${age(p, today)}）` : `#${id}`;
  });
  const opened = t.opened.map((id) => {
    const before = s.problems.get(id)?.reopens;
    return before ? `#${id}（#${before} 销号后再次出现）` : `#${id}`;
  });
  if (continued.length) parts.push(`持续 ${continued.join('、')}`);
  if (opened.length) parts.push(`新登记 ${opened.join('、')}`);
  if (!parts.length) return null;
  return `问题跟踪：${parts.join('；')}。${opened.length ? '解决后请发送 #销号 编号 说明。' : ''}`;
}

export const problemsCommand: CommandDef = {
  name: '问题',
  who: 'anyone',
  where: ['group', 'dispatch'],
  usage: '#问题 [全部]',
  help: '查看本群未销号的问题；调度群里 #问题 全部 列出全区',
  run: problems,
};

export const closeCommand: ProjectDef<OpenItem> = {
  name: '销号',
  who: ['leader', 'liaison', 'admin'],
  where: ANYWHERE,
  usage: '#销号 编号 说明',
  help: '问题解决后销号，记录销号人和说明',
  action: '销号',
  roleNames: { liaison: '联络员（责任单位）' },
  target: openItem,
  run: closeProblem,
};
