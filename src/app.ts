import type { Wechaty } from 'wechaty';
import type { Clock } from './time/clock';
import type { Logger } from './log/log';
import type { Db } from './store/db';
import { Bot } from './chat/bot';
import { createStores, type BotSettings, type Stores } from './chat/context';
import { attachBot, WechatyTransport, type Attached } from './chat/wechaty';
import { rebindAfterLogin } from './chat/relogin';
import { OutboxSender, type SenderOptions } from './outbox/sender';

export interface AppOptions {
  db: Db;
  wechaty: Wechaty;
  clock: Clock;
  log: Logger;
  settings: BotSettings;
  send: SenderOptions;
}

export interface App {
  stores: Stores;
  bot: Bot;
  inbound: Attached;
  sender: OutboxSender;
}

/** Assembles the bot around a database and a Wechaty instance (real or mock). */
export function createApp(o: AppOptions): App {
  const stores = createStores(o.db);
  const interrupted = stores.outbox.setAsideInterrupted();
  if (interrupted) o.log.warn('outbox.interrupted', { count: interrupted });
  const bot = new Bot(stores, o.clock, o.log, o.settings);
  const inbound = attachBot(o.wechaty, bot, o.log);
  const sender = new OutboxSender(stores.outbox, new WechatyTransport(o.wechaty, stores), o.clock, o.log, o.send);
  o.wechaty.on('ready', () => {
    rebindAfterLogin(o.wechaty, stores, o.clock, o.log).catch((err) => o.log.error('rebind.error', { error: err }));
  });
  return { stores, bot, inbound, sender };
}
