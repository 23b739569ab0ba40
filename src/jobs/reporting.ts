import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import { roleHolders } from '../features/roles';
import { dayLabel } from '../text/format';
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
      const names = missing.map((p) => `· ${p.name}`).join('\n');
      const text =
        kind === 'reminder'
          ? `【日报提醒】${dayLabel(slot.date)}以下项目尚未报送日报：\n${names}\n请联络员今天下班前在本群报送（发送 #模板 获取格式）。`
          : `【催报】${dayLabel(slot.date)}以下项目仍未报送日报：\n${names}\n今晚日晒榜将通报未报项目，请尽快报送。`;
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
