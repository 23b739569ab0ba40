import type { Wechaty } from 'wechaty';
import type { Clock } from './time/clock';
import type { Logger } from './log/log';
import type { Db } from './store/db';
import { Bot } from './bot/bot';
import { type BotSettings } from './bot/context';
import { createStores, type Stores } from './store/stores';
import { attachBot, WechatyTransport, type Attached } from './channels/wechaty/wechaty';
import { rebindAfterLogin } from './channels/wechaty/relogin';
import { ScheduleStore } from './store/schedule';
import { Scheduler } from './schedule/scheduler';
import { ScheduleAdmin } from './schedule/admin';
import path from 'node:path';
import { createRunners } from './schedule/jobs';
import { DEFAULT_BACKUP_KEEP } from './features/backup';
import { FailureNotices, type ExternalAlert } from './features/failures';
import { currentThresholds, currentHonourRules } from './features/rule-settings';
import { OutboxSender, type SenderOptions } from './outbox/sender';

/** Which days are workdays, and which years the holiday data covers. */
export interface Calendar {
  isWorkday(date: string): boolean;
  isCovered(year: number): boolean;
}

export interface AppOptions {
  db: Db;
  wechaty: Wechaty;
  clock: Clock;
  log: Logger;
  settings: BotSettings;
  send: SenderOptions;
  calendar: Calendar;
  /** Where bulletin images and workbooks are written before sending; default beside the media directory. */
  bulletinDir?: string;
  /** Defaults: prompt in the project group; a gentle note after 3 uncommented workdays. */
  commentPrompt?: { privately: boolean; nudgeAfterWorkdays: number };
  /** Nightly backups; default `backups/` beside the media directory, 14 kept. */
  backup?: { dir: string; keep: number };
  /** Where failures are told outside WeChat too (webhook, e-mail); chat alone when absent. */
  alert?: ExternalAlert;
}

export interface App {
  stores: Stores;
  bot: Bot;
  inbound: Attached;
  sender: OutboxSender;
  scheduler: Scheduler;
  /** Tells the admins of failed jobs, messages given up on and low disk. */
  failures: FailureNotices;
}

/** Assembles the bot around a database and a Wechaty instance (real or mock). */
export function createApp(o: AppOptions): App {
  const stores = createStores(o.db);
  const interrupted = stores.outbox.setAsideInterrupted();
  if (interrupted) o.log.warn('outbox.interrupted', { count: interrupted });
  const scheduleStore = new ScheduleStore(o.db);
  const settings = stores.settings;
  const isWorkday = (d: string) => o.calendar.isWorkday(d);
  const runners = createRunners({
    stores,
    isWorkday,
    thresholds: () => currentThresholds(settings),
    honourRules: () => currentHonourRules(settings),
    bulletinDir: o.bulletinDir ?? path.join(path.dirname(o.settings.mediaDir), 'bulletins'),
    commentPrompt: o.commentPrompt ?? { privately: false, nudgeAfterWorkdays: 3 },
    backup: o.backup ?? { dir: path.join(path.dirname(o.settings.mediaDir), 'backups'), keep: DEFAULT_BACKUP_KEEP },
  });
  const failures = new FailureNotices(stores, o.alert ?? null);
  const scheduler = new Scheduler(scheduleStore, isWorkday, o.clock, o.log, runners, (job, slot, error) =>
    failures.jobFailed(job.label, slot.date, error, o.clock.now()),
  );
  const bot = new Bot(stores, o.clock, o.log, o.settings, {
    schedule: new ScheduleAdmin(scheduler, scheduleStore),
    isYearCovered: (y) => o.calendar.isCovered(y),
  });
  let rebinding: Promise<void> = Promise.resolve();
  const inbound = attachBot(o.wechaty, bot, o.clock, o.log, () => rebinding);
  const sender = new OutboxSender(stores.outbox, new WechatyTransport(o.wechaty, stores), o.clock, o.log, {
    ...o.send,
    onGiveUp: (item, error) => failures.sendGivenUp(item, error, o.clock.now()),
  });
  o.wechaty.on('ready', () => {
    rebinding = rebindAfterLogin(o.wechaty, stores, o.clock, o.log).catch((err) => o.log.error('rebind.error', { error: err }));
  });
  return { stores, bot, inbound, sender, scheduler, failures };
}
