import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from './index';
import { openDb } from '../store/db';
import { createStores } from '../chat/context';
import { SettingsStore } from '../store/settings';
import { LiveCalendar } from '../calendar/live';
import { currentThresholds } from '../rules/thresholds';
import { computeStats, isoWeekOf, periodOf, type PeriodKind } from '../bulletin/stats';
import { statsInput } from '../bulletin/source';
import { BULLETIN_TITLES, bulletinMarkdown } from '../bulletin/markdown';
import { writeBulletinXlsx } from '../bulletin/xlsx';
import { renderBarChartPng } from '../bulletin/chart';
import { addDays, shanghaiDate, systemClock } from '../time/clock';

const KINDS: Record<string, PeriodKind> = { daily: 'day', weekly: 'week', monthly: 'month' };
const USAGE = '用法：rishai bulletin daily|weekly|monthly [--period 2026-11-24|2026-W48|2026-11] [--out DIR] [--json]';

/** The last complete period of a kind: today, last ISO week, last month. */
function defaultSpec(kind: PeriodKind, today: string): string {
  if (kind === 'day') return today;
  if (kind === 'week') return isoWeekOf(addDays(today, -7));
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** `rishai bulletin …`: figures for a period from the database, as bulletin.md (and JSON with --json). */
export async function runBulletin(dbFile: string, args: string[], opts: { period?: string; out?: string; json?: boolean }, io: CliIo): Promise<number> {
  const kind = KINDS[args[0] ?? ''];
  if (!kind) {
    io.err(USAGE);
    return 2;
  }
  const today = shanghaiDate(systemClock.now());
  let period;
  try {
    period = periodOf(kind, opts.period ?? defaultSpec(kind, today), today);
  } catch {
    io.err(`期间「${opts.period}」格式不对。${USAGE}`);
    return 1;
  }
  const db = openDb(dbFile);
  try {
    const s = createStores(db);
    const calendar = new LiveCalendar(db, systemClock);
    const input = statsInput(s, period, today, (d) => calendar.isWorkday(d), currentThresholds(new SettingsStore(db)));
    const district = computeStats(input, 'district');
    const byTown = computeStats(input, 'town');
    const byUnit = computeStats(input, 'unit');
    const out = opts.out ?? path.join('out', `bulletin-${args[0]}-${opts.period ?? defaultSpec(kind, today)}`);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'bulletin.md'), bulletinMarkdown(kind, district, byTown));
    await writeBulletinXlsx({ title: BULLETIN_TITLES[kind], byTown, byUnit, projects: input.projects }, path.join(out, 'bulletin.xlsx'));
    const towns = byTown.groups;
    fs.writeFileSync(
      path.join(out, 'bulletin.png'),
      renderBarChartPng({
        title: `${BULLETIN_TITLES[kind]}：各镇街报送率与投资完成率`,
        categories: towns.map((g) => g.key),
        series: [
          { name: '报送率', values: towns.map((g) => g.reporting.rate ?? 0), unit: '%' },
          { name: '投资完成率', values: towns.map((g) => g.investment.completionRate ?? 0), unit: '%' },
        ],
      }),
    );
    if (opts.json) io.out(JSON.stringify({ kind: args[0], ...district, byTown: byTown.groups, byUnit: byUnit.groups }));
    else io.out(`已生成 ${out} 下的 bulletin.md、bulletin.xlsx 和 bulletin.png`);
    return 0;
  } finally {
    db.close();
  }
}
