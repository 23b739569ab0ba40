import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/store/db';
import { CalendarStore } from '../../src/store/calendar';
import { LiveCalendar } from '../../src/features/calendar';
import { ManualClock } from '../../src/time/clock';

describe('LiveCalendar', () => {
  it('sees a day an admin added from another connection within a minute', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cal-'));
    const file = path.join(dir, 'r.db');
    const bot = openDb(file);
    const clock = new ManualClock('2031-01-01T08:00:00+08:00');
    const calendar = new LiveCalendar(new CalendarStore(bot), clock);
    expect(calendar.isCovered(2031)).toBe(false);
    expect(calendar.isWorkday('2031-02-03')).toBe(true); // a Monday, by the weekday fallback

    const cli = openDb(file);
    new CalendarStore(cli).set('2031-02-03', 'holiday', '春节', 'cli', clock.now());
    cli.close();

    expect(calendar.isWorkday('2031-02-03')).toBe(true); // checked at most once a minute
    clock.advance(60_000);
    expect(calendar.isWorkday('2031-02-03')).toBe(false);
    expect(calendar.isCovered(2031)).toBe(true);
    bot.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
