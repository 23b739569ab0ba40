import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/time/clock';
import { openDb, type Db } from '../../src/store/db';
import { silentLogger } from '../../src/log/log';
import { createApp, type App, type AppOptions } from '../../src/app';
import { MockWorld } from '../../src/sandbox/world';
import { ProjectStore } from '../../src/store/projects';
import type { ProjectInput } from '../../src/domain/project';
import { LiveCalendar } from '../../src/features/calendar';
import { CalendarStore } from '../../src/store/calendar';

export const PROJECTS: ProjectInput[] = [
  project('精细化工中间体项目', ['化工中间体'], { liaison: '张三', leader: '王区长', totalInvestment: 50000 }),
  project('汽车零部件智能制造项目', ['汽车零部件'], { liaison: '李四', leader: '王区长', totalInvestment: 80000 }),
  project('港口物流仓储中心', [], { liaison: '赵敏', leader: '刘副区长', totalInvestment: 30000 }),
];

function project(name: string, aliases: string[], extra: Partial<ProjectInput>): ProjectInput {
  return {
    name,
    aliases,
    category: '区重点',
    chain: null,
    town: '城东街道',
    unit: '城东街道办事处',
    leader: null,
    liaison: null,
    totalInvestment: null,
    annualPlan: null,
    plannedStart: '2026-03-01',
    plannedFinish: '2027-06-30',
    status: '在建',
    registered: true,
    ...extra,
  };
}

/** The real bot on a simulated WeChat, with a real SQLite file in a temp dir and a manual clock. */
export class Harness {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-e2e-'));
  readonly clock: ManualClock;
  readonly world: MockWorld;
  db!: Db;
  app!: App;

  constructor(start = '2026-11-24T17:00:00+08:00') {
    this.clock = new ManualClock(start);
    this.world = new MockWorld(this.clock);
  }

  get dbFile(): string {
    return path.join(this.dir, 'rishai.db');
  }

  async start(admins: string[] = ['李主任'], options: Partial<AppOptions> = {}): Promise<this> {
    this.db = openDb(this.dbFile);
    new ProjectStore(this.db).upsert(PROJECTS, this.clock.now());
    this.app = createApp({
      db: this.db,
      wechaty: this.world.wechaty,
      clock: this.clock,
      log: silentLogger,
      settings: { admins, staleSeconds: 120, photoWindowMinutes: 30, mediaDir: path.join(this.dir, 'media') },
      send: { gapMs: 0, jitterMs: 0, perMinute: 1000 },
      calendar: new LiveCalendar(new CalendarStore(this.db), this.clock),
      ...options,
    });
    await this.world.start();
    return this;
  }

  /** Posts as `from` and waits until the bot has handled the message and sent its answers. */
  async say(from: string, topic: string | null, text: string, postedAt?: Date): Promise<string[]> {
    const before = this.world.sent.length;
    const id = this.world.say(from, topic, text, postedAt);
    await this.app.inbound.handled(id);
    await this.app.sender.drain();
    return this.world.sent.slice(before).map((s) => s.text);
  }

  async stop(): Promise<void> {
    await this.app.inbound.idle();
    await this.world.stop();
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
