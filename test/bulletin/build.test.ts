import { Harness, PROJECTS } from '../support/harness';
import { buildBulletin } from '../../src/features/bulletin/build';
import { periodOf } from '../../src/core/stats/period';
import { ProjectStore } from '../../src/store/projects';
import { LiveCalendar } from '../../src/features/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/core/rules/warnings';
import { CalendarStore } from '../../src/store/calendar';

const GROUP = '化工项目工作群';

describe('buildBulletin, from the stores', () => {
  let h: Harness;
  const report = async (day: string, cumulative: number) => {
    h.clock.set(`${day}T17:00:00+08:00`);
    await h.say('张三', GROUP, `#日报 形象进度：50%；累计完成投资：${cumulative}万元`);
  };
  const monthly = (spec: string, today: string) =>
    buildBulletin(h.app.stores, 'month', periodOf('month', spec), today, (d) => new LiveCalendar(new CalendarStore(h.db), h.clock).isWorkday(d), DEFAULT_THRESHOLDS);

  beforeEach(async () => {
    h = await new Harness('2025-12-29T10:00:00+08:00').start();
    // 精细化工: started in 2025, 1,200 万元 planned for 2026.
    new ProjectStore(h.db).upsert([{ ...PROJECTS[0]!, plannedStart: '2025-03-01', annualPlan: 1200 }], h.clock.now());
    h.world.room(GROUP, ['张三', '王区长', '李主任']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
  });
  afterEach(() => h.stop());

  it('compares January with the whole of December, counting December’s year from its own 1 January', async () => {
    await report('2025-12-30', 1000);
    await report('2026-06-30', 1600);
    await report('2026-12-30', 2200);
    await report('2027-01-05', 2300);
    const b = monthly('2027-01', '2027-02-01');
    // 2,200 − 1,000 in 2026 against a plan of 1,200.
    expect(b.previous!.investment).toMatchObject({ yearToDate: 1200, completionRate: 100 });
    expect(b.district.overall.investment.yearToDate).toBe(100);
  });

  it('has no month before to compare with when nothing was due in it', async () => {
    await report('2025-12-30', 1000);
    const b = monthly('2025-12', '2026-01-01');
    expect(b.district.overall.reporting.due).toBeGreaterThan(0);
    expect(b.previous).toBeNull();
  });
});
