import { type Clock, shanghaiDate } from '../time/clock';
import type { Logger } from '../log/log';
import type { Inbound } from './inbound';
import type { BotSettings, Ctx, Services } from './context';
import type { Stores } from '../store/stores';
import type { Group } from '../domain/group';
import type { MessageOutcome } from '../domain/message';
import { isSetupCommand, route, type Route } from './router';
import { runCommand } from './guards';
import { report } from './handlers/report';
import { photo } from './handlers/photo';
import { outboxKey } from '../domain/outbox';
import { unknownCommand } from '../text/help';

/** At most this many replies to one message, so a bug can never flood a group. */
const MAX_REPLIES = 3;

/**
 * The chat core: stores each message, then interprets it. Knows nothing of Wechaty; replies go to
 * the outbox, keyed by the message, so a redelivered message is never answered twice.
 */
export class Bot {
  constructor(
    readonly s: Stores,
    private clock: Clock,
    private log: Logger,
    private settings: BotSettings,
    readonly services: Services = { schedule: null, isYearCovered: () => true },
  ) {}

  async handle(m: Inbound): Promise<void> {
    if (m.self) return;
    const now = this.clock.now();
    const group = this.servedGroup(m);
    const r = route(m.kind, m.text);
    // Strangers' groups are not ours to record; only a setup command (an admin's #绑定) is looked at there.
    if (m.roomId && !group && !isSetupCommand(r)) return;

    const person = this.s.people.see(m.talkerId, m.talkerName, now, this.settings.admins);
    if (group) {
      this.s.groups.noteMember(group.id, person.id);
      if (m.roomTopic && m.roomTopic !== group.topic) this.s.groups.noteTopic(group.id, m.roomTopic);
    }
    const messageId = this.s.messages.record({
      puppetMessageId: m.id,
      groupId: group?.id ?? null,
      personId: person.id,
      roomTopic: m.roomTopic,
      talkerName: m.talkerName,
      type: m.kind,
      text: m.text,
      postedAt: m.postedAt,
      receivedAt: now,
    });
    if (messageId === null) {
      this.log.debug('message.duplicate', { messageId: m.id });
      return;
    }
    if ((m.receivedAt ?? now).getTime() - m.postedAt.getTime() > this.settings.staleSeconds * 1000) {
      this.s.messages.setOutcome(messageId, 'stale');
      this.log.info('message.stale', { messageId: m.id, postedAt: m.postedAt.toISOString() });
      return;
    }
    if (!r) {
      this.s.messages.setOutcome(messageId, 'chatter');
      return;
    }
    const ctx = this.context(m, now, group, person, messageId, r.kind === 'command' ? r.args : '');
    try {
      if (r.kind === 'report') {
        // A report, its problems, its acknowledgement and the message's outcome commit together or not at all.
        this.s.transaction(() => this.s.messages.setOutcome(messageId, report(ctx)));
      } else {
        this.s.messages.setOutcome(messageId, await this.run(ctx, r));
      }
    } catch (err) {
      this.s.messages.setOutcome(messageId, 'error');
      this.log.error('handler.error', { messageId: m.id, error: err });
    }
  }

  private run(ctx: Ctx, r: Exclude<Route, { kind: 'report' }>): MessageOutcome | Promise<MessageOutcome> {
    switch (r.kind) {
      case 'command':
        return runCommand(ctx, r.def, r.sub);
      case 'unknown':
        ctx.reply(unknownCommand(r.name));
        return 'command';
      case 'photo':
        return photo(ctx);
    }
  }

  /** The group a room maps to, if it is the dispatch group or has at least one bound project. */
  private servedGroup(m: Inbound): Group | null {
    if (!m.roomId) return null;
    const g = this.s.groups.findByPuppetId(m.roomId);
    return g && (g.isDispatch || this.s.groups.projectIdsOf(g.id).length) ? g : null;
  }

  private context(m: Inbound, now: Date, group: Group | null, person: Ctx['person'], messageId: number, args: string): Ctx {
    let replies = 0;
    const s = this.s;
    return {
      m,
      now,
      today: shanghaiDate(now),
      group,
      person,
      messageId,
      args,
      s,
      settings: this.settings,
      services: this.services,
      clock: this.clock,
      log: this.log,
      reply(text, mentions = []) {
        if (replies >= MAX_REPLIES) return;
        // In a group we do not serve there is no group row, and nothing is said there.
        const groupId = m.roomId ? (group?.id ?? s.groups.findByPuppetId(m.roomId)?.id) : undefined;
        if (m.roomId && groupId === undefined) return;
        const target = groupId !== undefined ? { groupId } : { personId: person.id };
        s.outbox.enqueue({ key: outboxKey.reply(messageId, replies++), target, text, mentions }, now);
      },
      groupProjects: () => (group ? s.projects.byIds(s.groups.projectIdsOf(group.id)) : []),
    };
  }
}
