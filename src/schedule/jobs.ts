import type { JobDeps, JobRunner } from '../jobs/job';
import { WARNINGS } from '../jobs/warnings';
import { PROBLEMS } from '../jobs/problems';
import { DAILY_BOARD, LAST_CALL, REMINDER } from '../jobs/reporting';
import { COMMENT_PROMPT } from '../jobs/comments';
import { MONTHLY_BULLETIN, WEEKLY_DISPATCH } from '../jobs/bulletin';
import { LEADER_DIGEST } from '../jobs/digest';
import { BACKUP } from '../jobs/backup';

/** The jobs Rishai runs on its own, listed (and shown to admins) in this order; jobs due the same minute run in it. */
export const JOBS = [WARNINGS, PROBLEMS, REMINDER, LAST_CALL, DAILY_BOARD, COMMENT_PROMPT, WEEKLY_DISPATCH, LEADER_DIGEST, MONTHLY_BULLETIN, BACKUP] as const;

export type ScheduledJob = (typeof JOBS)[number];
export type JobName = ScheduledJob['name'];

export function jobByLabel(label: string): ScheduledJob | undefined {
  return JOBS.find((j) => j.label === label || j.name === label);
}

/** Every job's runner, all made from the same deps. */
export function createRunners(deps: JobDeps): Record<JobName, JobRunner> {
  return Object.fromEntries(JOBS.map((j) => [j.name, j.create(deps)])) as Record<JobName, JobRunner>;
}
