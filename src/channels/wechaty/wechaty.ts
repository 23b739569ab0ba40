import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { FileBox } from 'file-box';
import { types, type Message, type Wechaty } from 'wechaty';
import type { Logger } from '../../log/log';
import type { Clock } from '../../time/clock';
import type { Inbound } from '../../bot/inbound';
import type { Bot } from '../../bot/bot';
import type { Stores } from '../../store/stores';
import type { OutboxItem } from '../../domain/outbox';
import type { Transport } from '../../outbox/sender';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif' };

/** Turns a Wechaty message into the bot's own shape. */
export async function toInbound(msg: Message): Promise<Inbound> {
  const room = msg.room();
  const talker = msg.talker();
  const type = msg.type();
  const kind = type === types.Message.Text ? 'text' : type === types.Message.Image ? 'image' : 'other';
  const mentions = room && kind === 'text' ? await msg.mentionList() : [];
  const inbound: Inbound = {
    id: msg.id,
    roomId: room?.id ?? null,
    roomTopic: room ? await room.topic() : null,
    talkerId: talker.id,
    talkerName: (room && (await room.alias(talker))) || talker.name(),
    self: msg.self(),
    kind,
    text: kind === 'text' ? msg.text() : '',
    postedAt: msg.date(),
    mentions: mentions.map((c) => ({ id: c.id, name: c.name() })),
  };
  if (room) {
    inbound.roomMembers = async () =>
      Promise.all(
        (await room.memberAll()).filter((c) => !c.self()).map(async (c) => ({ id: c.id, name: (await room.alias(c)) || c.name() })),
      );
  }
  if (kind === 'image') {
    inbound.saveFile = async (dir, baseName) => {
      const box = await msg.toFileBox();
      const ext = path.extname(box.name) || EXTENSIONS[box.mediaType] || '.jpg';
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, baseName + ext);
      await box.toFile(file, true);
      return file;
    };
  }
  return inbound;
}

export interface Attached {
  /** Resolves once every message received so far has been handled (for a clean shutdown). */
  idle(): Promise<void>;
  /** Resolves when the message with this puppet id has been handled. */
  handled(messageId: string): Promise<void>;
}

/**
 * Feeds Wechaty's messages to the bot. Wechaty does not catch errors thrown by async listeners,
 * so every failure is caught here and logged with the message id.
 */
export function attachBot(wechaty: Wechaty, bot: Bot, clock: Clock, log: Logger, ready: () => Promise<void> = async () => undefined): Attached {
  const inFlight = new Set<Promise<void>>();
  const done = new EventEmitter();
  done.setMaxListeners(0);
  wechaty.on('message', (msg: Message) => {
    const receivedAt = clock.now();
    const work = (async () => {
      try {
        // While groups are being re-bound after a login, their ids are not ours yet: wait, do not drop.
        await ready();
        await bot.handle({ ...(await toInbound(msg)), receivedAt });
      } catch (err) {
        log.error('message.error', { messageId: msg.id, error: err });
      }
    })();
    inFlight.add(work);
    void work.finally(() => {
      inFlight.delete(work);
      done.emit(msg.id);
    });
  });
  return {
    idle: async () => {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    handled: (messageId) => new Promise((resolve) => done.once(messageId, () => resolve())),
  };
}

/** Sends outbox items through Wechaty, translating our ids to the puppet's current ones. */
export class WechatyTransport implements Transport {
  constructor(
    private wechaty: Wechaty,
    private s: Stores,
  ) {}

  isLoggedIn(): boolean {
    return this.wechaty.isLoggedIn;
  }

  async send(item: OutboxItem): Promise<void> {
    // A base64 box is the kind every puppet can carry, including over puppet-service (a file-path box cannot be serialised).
    const sayable = item.filePath ? FileBox.fromBase64(fs.readFileSync(item.filePath).toString('base64'), path.basename(item.filePath)) : item.text;
    if (item.groupId !== null) {
      const group = this.s.groups.get(item.groupId);
      const room = group?.puppetRoomId ? await this.wechaty.Room.find({ id: group.puppetRoomId }) : undefined;
      if (!room) throw new Error(`group ${item.groupId} is not reachable now`);
      const contacts = [];
      for (const personId of item.mentions) {
        const puppetId = this.s.people.get(personId)?.puppetContactId;
        const contact = puppetId ? await this.wechaty.Contact.find({ id: puppetId }) : undefined;
        if (contact) contacts.push(contact);
      }
      if (typeof sayable === 'string') await room.say(sayable, ...contacts);
      else {
        await room.say(sayable);
        if (item.text) await room.say(item.text, ...contacts);
      }
      return;
    }
    const puppetId = item.personId !== null ? this.s.people.get(item.personId)?.puppetContactId : undefined;
    const contact = puppetId ? await this.wechaty.Contact.find({ id: puppetId }) : undefined;
    if (!contact) throw new Error(`person ${item.personId} is not reachable now`);
    await contact.say(sayable);
    if (typeof sayable !== 'string' && item.text) await contact.say(item.text);
  }
}
