import type { Stores } from '../store/stores';
import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import type { Stoppage } from '../domain/stoppage';
import { roleHolders } from '../features/roles';
import { districtWarningsText, groupWarningsText } from '../text/warnings';
import { addDays, daysBetween } from '../time/clock';
import { PACE_DAYS, STREAK_LOOKBACK_DAYS, projectWarnings, type Warning, type WarningKind, type WarningThresholds } from '../core/rules/warnings';
import { stoppedOn } from '../core/rules/reporting';

/** A warning at an unchanged level is repeated after this many days (kinds not chased daily). */
const REPEAT_DAYS = 7;
/** Missing reports and late starts are chased every workday (一盯到底); the rest repeat at the interval. */
const DAILY: ReadonlySet<WarningKind> = new Set(['missing', 'notStarted']);
// Enough history for the longest streak the rules count.
const HISTORY_DAYS = STREAK_LOOKBACK_DAYS + 1;

/** Every warning due today for every project, from one scan of recent reports. */
export function computeWarnings(s: Stores, today: string, isWorkday: (d: string) => boolean, t: WarningThresholds): Warning[] {
  const history = s.reports.historySince(addDays(today, -HISTORY_DAYS));
  const paceFrom = addDays(today, -PACE_DAYS);
  const stoppages = new Map<number, Stoppage[]>();
  for (const st of s.stoppages.list()) stoppages.set(st.projectId, [...(stoppages.get(st.projectId) ?? []), st]);
  const since = s.groups.boundSince();
  const first = s.reports.firstReportDates();
  const none = new Set<string>();
  return s.projects.list().flatMap((p) =>
    projectWarnings(
      {
        ...p,
        trackedSince: since.get(p.id) ?? null,
        reportedDates: history.get(p.id)?.dates ?? none,
        firstReported: first.get(p.id) ?? null,
        progress: history.get(p.id)?.progress.filter((x) => x.date >= paceFrom) ?? [],
        isStopped: (date) => stoppedOn(stoppages.get(p.id) ?? [], date),
      },
      today,
      isWorkday,
      t,
    ),
  );
}

/**
 * Overdue warnings (workdays 9:00): one message per project group with its yellow and red lights,
 * @-mentioning the liaisons (and the leaders for red); red lights and, on Mondays, late starts go to
 * the dispatch group too. A warning is repeated only when its level changes, daily for missing
 * reports and late starts, and otherwise after REPEAT_DAYS.
 */
function warningsJob({ stores: s, isWorkday, thresholds }: Pick<JobDeps, 'stores' | 'isWorkday' | 'thresholds'>): JobRunner {
  const state = s.warnings;
  return (slot) => {
    const today = slot.date;
    const known = state.load();
    const warnings = computeWarnings(s, today, isWorkday, thresholds());
    const current = new Set(warnings.map((w) => `${w.projectId}:${w.kind}`));
    const cleared = [...known.keys()].filter((k) => !current.has(k)).map((k) => {
      const [projectId, kind] = k.split(':');
      return { projectId: Number(projectId), kind: kind! };
    });
    const announce = warnings.filter((w) => {
      const before = known.get(`${w.projectId}:${w.kind}`);
      if (!before || before.level !== w.level || DAILY.has(w.kind)) return true;
      return daysBetween(before.announcedOn, today) >= REPEAT_DAYS;
    });

    for (const g of s.groups.list()) {
      const ids = new Set(s.groups.projectIdsOf(g.id));
      const mine = announce.filter((w) => ids.has(w.projectId)).sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
      if (!mine.length) continue;
      const mentions = new Set<number>();
      for (const p of s.projects.byIds([...new Set(mine.map((w) => w.projectId))])) {
        const levels = mine.filter((w) => w.projectId === p.id).map((w) => w.level);
        for (const x of roleHolders(s, p, 'liaison', g.id)) mentions.add(x.id);
        if (levels.includes('red')) for (const x of roleHolders(s, p, 'leader', g.id)) mentions.add(x.id);
      }
      const text = groupWarningsText(today, slot.late, mine);
      s.outbox.enqueue({ key: outboxKey.job(slot.job.name, slot.key, { groupId: g.id }), target: { groupId: g.id }, text, mentions: [...mentions] }, slot.now);
    }

    const monday = new Date(`${today}T12:00:00+08:00`).getUTCDay() === 1;
    const red = announce.filter((w) => w.level === 'red' && w.kind !== 'notStarted');
    const late = monday ? warnings.filter((w) => w.kind === 'notStarted') : [];
    if (red.length || late.length) {
      const text = districtWarningsText(today, slot.late, red, late);
      for (const g of s.groups.list().filter((x) => x.isDispatch)) {
        s.outbox.enqueue({ key: outboxKey.dispatch(slot.job.name, slot.key, g.id), target: { groupId: g.id }, text }, slot.now);
      }
    }
    state.save(announce, cleared, today);
  };
}

export const WARNINGS = {
  name: 'warnings', label: '预警', cadence: 'daily', cron: '0 9 * * *', workdaysOnly: true, missed: 'late', create: warningsJob,
} as const satisfies Job;
