import type { Project } from '../../domain/project';
import type { Stoppage } from '../../domain/stoppage';

/**
 * Projects that owe a daily report: those under construction and those not yet started (which are
 * chased daily until they start). Finished and suspended projects do not report.
 */
export function owesReport(p: { status: string }): boolean {
  return p.status === '在建' || p.status === '未开工';
}

/** Projects that owe a report on a day: by status, and not declared stopped (停工) that day. */
export function dueOn<T extends Pick<Project, 'id' | 'status'>>(projects: readonly T[], stopped: (projectId: number) => boolean): T[] {
  return projects.filter((p) => owesReport(p) && !stopped(p.id));
}

/** Whether one of a project's stoppages covers a date (both ends inclusive; an open one has no end). */
export function stoppedOn(stoppages: readonly Pick<Stoppage, 'fromDate' | 'toDate'>[], date: string): boolean {
  return stoppages.some((s) => s.fromDate <= date && (s.toDate === null || s.toDate >= date));
}

/** The projects among `projects` that owe a report on a day and have not sent one. */
export function unreported<T extends Pick<Project, 'id' | 'status'>>(
  projects: readonly T[],
  reported: ReadonlySet<number>,
  stopped: (projectId: number) => boolean,
): T[] {
  return dueOn(projects, stopped).filter((p) => !reported.has(p.id));
}
