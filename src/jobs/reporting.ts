import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import { roleHolders } from '../features/roles';
import { lastCallText, reminderText } from '../text/reminders';
import { owesReport, unreported } from '../core/rules/reporting';
import { computeStats } from '../core/stats/stats';
import { statsInput } from '../features/bulletin/source';
import { dailyBoardText } from '../text/board';

/**
 * Reminder (提醒) and last call (催报): one message in each group whose projects have not reported
 * today, @-mentioning only their liaisons.
 */
function reminderJob(kind: 'reminder' | 'lastCall') {
  return ({ stores: s }: Pick<JobDeps, 'stores'>): JobRunner => (slot) => {
    const reported = s.reports.projectIdsReportedOn(slot.date);
    const stopped = (id: number) => !!s.stoppages.on(id, slot.date);
    for (const g of s.groups.list()) {
      const missing = unreported(s.projects.byIds(s.groups.projectIdsOf(g.id)), reported, stopped);
      if (!missing.length) continue;
      const liaisons = new Map(missing.flatMap((p) => roleHolders(s, p, 'liaison', g.id)).map((p) => [p.id, p]));
      const names = missing.map((p) => p.name);
      const text = kind === 'reminder' ? reminderText(slot.date, names) : lastCallText(slot.date, names);
      s.outbox.enqueue(
        { key: outboxKey.job(slot.job.name, slot.key, { groupId: g.id }), target: { groupId: g.id }, text, mentions: [...liaisons.keys()], expiresAt: slot.endOfDay },
        slot.now,
      );
    }
  };
}

export const REMINDER = {
  name: 'reminder', label: '提醒', cadence: 'daily', cron: '0 16 * * *', workdaysOnly: true, missed: 'skip', create: reminderJob('reminder'),
} as const satisfies Job;

export const LAST_CALL = {
  name: 'lastCall', label: '催报', cadence: 'daily', cron: '30 17 * * *', workdaysOnly: true, missed: 'skip', create: reminderJob('lastCall'),
} as const satisfies Job;

/** The daily board (日晒榜) in each dispatch group, from the day's statistics. */
function dailyBoardJob({ stores: s, isWorkday, thresholds }: Pick<JobDeps, 'stores' | 'isWorkday' | 'thresholds'>): JobRunner {
  return (slot) => {
    const dispatch = s.groups.list().filter((g) => g.isDispatch);
    if (!dispatch.length) return;
    const input = statsInput(s, { from: slot.date, to: slot.date }, slot.date, isWorkday, thresholds());
    // Only projects the bot chases count: bound to a group on or before that day.
    const projects = input.projects.filter((p) => (input.boundSince.get(p.id) ?? '9999') <= slot.date);
    const f = computeStats({ ...input, projects }, 'district');
    const stopped = projects.filter((p) => owesReport(p) && s.stoppages.on(p.id, slot.date)).map((p) => p.name);
    const text = dailyBoardText(f, { units: new Map(projects.map((p) => [p.id, p.unit])), stopped, late: slot.late });
    for (const g of dispatch) s.outbox.enqueue({ key: outboxKey.job(slot.job.name, slot.key, { groupId: g.id }), target: { groupId: g.id }, text }, slot.now);
  };
}

export const DAILY_BOARD = {
  name: 'dailyBoard', label: '日晒榜', cadence: 'daily', cron: '0 20 * * *', workdaysOnly: true, missed: 'late', create: dailyBoardJob,
} as const satisfies Job;
