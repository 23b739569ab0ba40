import type { CliIo } from './index';
import { withCliDb } from './db';
import { ScheduleStore } from '../store/schedule';
import { Scheduler } from '../schedule/scheduler';
import { ScheduleAdmin } from '../schedule/admin';
import { LiveCalendar } from '../features/calendar';
import { systemClock } from '../time/clock';
import { silentLogger } from '../log/log';
import { CalendarStore } from '../store/calendar';

const USAGE = '用法：rishai schedule list | set 名称 时:分 | pause 名称 | resume 名称（名称如 提醒、催报、日晒榜）';

/**
 * `rishai schedule …`: the same schedule changes as the chat commands, recorded as made by the
 * command line. A running bot picks them up at its next minute tick.
 */
export async function runSchedule(dbFile: string, args: string[], io: CliIo): Promise<number> {
  const [verb, name, value] = args;
  return withCliDb(dbFile, verb === 'list' ? 'read' : 'write', io, async (db) => {
    const store = new ScheduleStore(db);
    const calendar = new LiveCalendar(new CalendarStore(db), systemClock);
    const scheduler = new Scheduler(store, (d) => calendar.isWorkday(d), systemClock, silentLogger, {});
    const admin = new ScheduleAdmin(scheduler, store);
    const by = '命令行';
    const now = systemClock.now();
    let result;
    switch (verb) {
      case 'list':
        io.out(admin.list(now, (y) => calendar.isCovered(y)));
        scheduler.stop();
        return 0;
      case 'set':
        result = name && value ? admin.setTime(name, value, by, now) : undefined;
        break;
      case 'pause':
      case 'resume':
        result = name ? admin.setPaused(name, verb === 'pause', by, now) : undefined;
        break;
    }
    scheduler.stop();
    if (!result) {
      io.err(USAGE);
      return 2;
    }
    (result.ok ? io.out : io.err)(result.message);
    return result.ok ? 0 : 1;
  });
}
