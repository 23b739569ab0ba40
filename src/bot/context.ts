import type { Stores } from '../store/stores';
import type { Logger } from '../log/log';
import type { Clock } from '../time/clock';
import type { Group } from '../domain/group';
import type { Person } from '../domain/people';
import type { MessageOutcome } from '../domain/message';
import type { Project } from '../domain/project';
import type { Inbound } from './inbound';
import type { ScheduleAdmin } from '../schedule/admin';
/** Parts of the bot beyond the chat core that some commands reach. */
export interface Services {
  schedule: ScheduleAdmin | null;
  isYearCovered: (year: number) => boolean;
}

export interface BotSettings {
  admins: readonly string[];
  staleSeconds: number;
  photoWindowMinutes: number;
  mediaDir: string;
}

/** Everything a handler needs to answer one message. */
export interface Ctx {
  m: Inbound;
  now: Date;
  /** The Shanghai calendar date of `now`. */
  today: string;
  group: Group | null;
  person: Person;
  messageId: number;
  /** Text after the command word, trimmed. */
  args: string;
  s: Stores;
  settings: BotSettings;
  services: Services;
  clock: Clock;
  log: Logger;
  /** Queues a reply to where the message came from; at most a few per message. */
  reply(text: string, mentions?: number[]): void;
  groupProjects(): Project[];
}

export type Handler = (ctx: Ctx) => MessageOutcome | Promise<MessageOutcome>;
