const names = (projects: readonly string[]) => projects.join('、');

/** Outside a project group, no project the asker leads (帮包) or is responsible for (负责) to act on. */
export function noProjectOfYours(leaderOnly: boolean, verb: string): string {
  return `您目前没有${leaderOnly ? '帮包' : '负责'}的项目可以${verb}。`;
}

/** A command taking the whole args, with several projects in the group and none named. */
export function nameTheProject(candidates: readonly string[]): string {
  return `请写明项目名称。本群项目：${names(candidates)}`;
}

export interface WhichProject {
  /** What the command does to the project (停工, 点评). */
  verb: string;
  /** The command written out for the first candidate. */
  example: string;
  candidates: readonly string[];
  /** Whether the candidates are the group's, or those the asker holds a role on. */
  inGroup: boolean;
}

/** A command whose first word may name a project, with several in reach and none named. */
export function whichProject(q: WhichProject): string {
  return `请写明${q.verb}哪个项目，例如：${q.example}。${q.inGroup ? '本群项目' : `可${q.verb}`}：${names(q.candidates)}`;
}

export function ambiguousProject(typed: string, candidates: readonly string[]): string {
  return `「${typed}」可能是：${names(candidates)}，请写全称。`;
}

export function unknownProject(typed: string, candidates: readonly string[]): string {
  return `本群没有项目「${typed}」。本群项目：${names(candidates)}`;
}
