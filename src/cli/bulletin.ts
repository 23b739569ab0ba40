import path from 'node:path';
import type { CliIo } from './index';
import { withCliDb } from './db';
import { createStores } from '../store/stores';
import { LiveCalendar } from '../features/calendar';
import { currentThresholds, currentHonourRules } from '../features/rule-settings';
import { periodOf } from '../core/stats/period';
import { buildBulletin } from '../features/bulletin/build';
import { lastCompleteSpec } from '../core/stats/bulletin';
import { writeBulletinFiles } from '../render/files';
import { shanghaiDate, systemClock } from '../time/clock';
import { CalendarStore } from '../store/calendar';

const KINDS: Record<string, 'day' | 'week' | 'month'> = { daily: 'day', weekly: 'week', monthly: 'month' };
const USAGE = '用法：rishai bulletin daily|weekly|monthly [--period 2026-11-24|2026-W48|2026-11] [--out DIR] [--json]';

/** `rishai bulletin …`: figures for a period from the database, as bulletin.md (and JSON with --json). */
export async function runBulletin(dbFile: string, args: string[], opts: { period?: string; out?: string; json?: boolean }, io: CliIo): Promise<number> {
  const kind = KINDS[args[0] ?? ''];
  if (!kind) {
    io.err(USAGE);
    return 2;
  }
  const today = shanghaiDate(systemClock.now());
  const spec = opts.period ?? lastCompleteSpec(kind, today);
  let period;
  try {
    period = periodOf(kind, spec, today);
  } catch {
    io.err(`期间「${opts.period}」格式不对。${USAGE}`);
    return 1;
  }
  return withCliDb(dbFile, 'summarise', io, async (db) => {
    const calendar = new LiveCalendar(new CalendarStore(db), systemClock);
    const stores = createStores(db);
    const b = buildBulletin(stores, kind, period, today, (d) => calendar.isWorkday(d), currentThresholds(stores.settings), currentHonourRules(stores.settings));
    const out = opts.out ?? path.join('out', `bulletin-${args[0]}-${spec}`);
    await writeBulletinFiles(b, out);
    if (opts.json) io.out(JSON.stringify({ kind: args[0], ...b.district, byTown: b.byTown.groups, byUnit: b.byUnit.groups, previousOverall: b.previous, honours: b.honours }));
    else io.out(`已生成 ${out} 下的 bulletin.md、bulletin.xlsx 和 bulletin.png`);
    return 0;
  });
}
