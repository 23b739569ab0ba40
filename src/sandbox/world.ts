import { WechatyBuilder, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { FileBox } from 'file-box';
import * as PUPPET from 'wechaty-puppet';
import type { Clock } from '../time/clock';

/** A message the bot sent, as the simulated WeChat received it. */
export interface Sent {
  at: Date;
  room?: string;
  to?: string;
  /** A file or image the bot sent: its name (and `text` is ""). */
  file?: string;
  text: string;
  mentions: string[];
}

/**
 * A simulated WeChat on wechaty-puppet-mock: people, groups and the real Wechaty that talks to them.
 * Messages carry the injected clock's time, so virtual time flows through Wechaty unchanged.
 */
export class MockWorld {
  readonly mocker = new mock.Mocker();
  readonly puppet = new PuppetMock({ mocker: this.mocker });
  readonly wechaty: Wechaty = WechatyBuilder.build({ puppet: this.puppet });
  readonly sent: Sent[] = [];
  private contacts = new Map<string, mock.ContactMock>();
  private rooms = new Map<string, mock.RoomMock>();
  private seq = 0;
  private botContact: mock.ContactMock | undefined;

  constructor(
    private clock: Clock,
    private onSent?: (s: Sent) => void,
  ) {
    const original = this.puppet.messageSendText.bind(this.puppet);
    // Observe what reaches "WeChat" at the puppet boundary, mentions included; a send that throws did not arrive.
    this.puppet.messageSendText = async (conversationId: string, text: string, mentionIdList?: string[]) => {
      const sent = await original(conversationId, text);
      this.record(conversationId, text, mentionIdList ?? []);
      return sent;
    };
    const originalFile = this.puppet.messageSendFile.bind(this.puppet);
    this.puppet.messageSendFile = async (conversationId: string, file) => {
      const sent = await originalFile(conversationId, file);
      this.record(conversationId, '', [], file.name);
      return sent;
    };
  }

  private record(conversationId: string, text: string, mentionIds: string[], file?: string): void {
    const names = mentionIds.map((id) => this.mocker.contactPayload(id).name);
    const at = this.clock.now();
    const where = conversationId.includes('@')
      ? { room: this.mocker.roomPayload(conversationId).topic }
      : { to: this.mocker.contactPayload(conversationId).name };
    const sent: Sent = { at, ...where, ...(file !== undefined ? { file } : {}), text, mentions: names };
    this.sent.push(sent);
    this.onSent?.(sent);
  }

  async start(botName = '日晒助手'): Promise<void> {
    await this.wechaty.start();
    this.botContact = this.mocker.createContact({ name: botName });
    const loggedIn = new Promise<void>((resolve) => this.wechaty.once('login', () => resolve()));
    this.mocker.login(this.botContact);
    await loggedIn;
  }

  /** The bot's own contact id in the simulated WeChat. */
  botId(): string {
    return this.botContact!.id;
  }

  async stop(): Promise<void> {
    await this.wechaty.stop();
  }

  person(name: string): mock.ContactMock {
    let c = this.contacts.get(name);
    if (!c) {
      c = this.mocker.createContact({ name });
      this.contacts.set(name, c);
    }
    return c;
  }

  /** Changes someone's WeChat nickname, as WeChat would, without changing who they are. */
  rename(name: string, newName: string): void {
    const c = this.person(name);
    c.payload.name = newName;
    this.contacts.delete(name);
    this.contacts.set(newName, c);
    void this.puppet.dirtyPayload(PUPPET.types.Payload.Contact, c.id);
  }

  room(topic: string, members: string[]): mock.RoomMock {
    let r = this.rooms.get(topic);
    if (!r) {
      const ids = [this.botContact?.id, ...members.map((m) => this.person(m).id)].filter((x): x is string => !!x);
      r = this.mocker.createRoom({ topic, memberIdList: ids });
      this.rooms.set(topic, r);
    }
    return r;
  }

  roomTopics(): string[] {
    return [...this.rooms.keys()];
  }

  membersOf(topic: string): string[] {
    const r = this.rooms.get(topic);
    return r ? r.payload.memberIdList.map((id) => this.mocker.contactPayload(id).name).filter((n) => n !== this.botContact?.payload.name) : [];
  }

  /**
   * Posts a message as `from`, into a group (`topic`) or privately to the bot (`topic` null).
   * Returns the message id. `@name` words in a group message become real mentions.
   */
  say(from: string, topic: string | null, text: string, postedAt: Date = this.clock.now()): string {
    const talker = this.person(from);
    const id = `m${++this.seq}-${postedAt.getTime()}`;
    const base = { id, talkerId: talker.id, timestamp: postedAt.getTime(), type: PUPPET.types.Message.Text, text };
    if (topic === null) {
      this.mocker.MessageMock.create({ ...base, listenerId: this.botContact!.id });
    } else {
      const room = this.rooms.get(topic);
      if (!room) throw new Error(`no group ${topic}`);
      const mentionIdList = [...text.matchAll(/@([^\s\u2005@]+)/g)]
        .map((m) => this.contacts.get(m[1]!)?.id)
        .filter((x): x is string => !!x);
      this.mocker.MessageMock.create({ ...base, roomId: room.id, mentionIdList });
    }
    this.puppet.emit('message', { messageId: id });
    return id;
  }

  /**
   * Gives every contact and room a new id, as wechat4u does at each login; names, topics and
   * memberships stay the same.
   */
  reissueIds(): void {
    const renamed = new Map<string, string>();
    for (const [name, old] of this.contacts) {
      const fresh = this.mocker.createContact({ ...old.payload, id: `${old.id}-r` });
      this.mocker.cacheContactPayload.delete(old.id);
      renamed.set(old.id, fresh.id);
      this.contacts.set(name, fresh);
    }
    for (const [topic, old] of this.rooms) {
      const memberIdList = old.payload.memberIdList.map((id) => renamed.get(id) ?? id);
      const fresh = this.mocker.createRoom({ ...old.payload, id: `r${old.id}`, memberIdList });
      this.mocker.cacheRoomPayload.delete(old.id);
      this.rooms.set(topic, fresh);
    }
  }

  /** Creates a second group with the same topic and members as `topic` (people do this). */
  twin(topic: string): void {
    const room = this.rooms.get(topic);
    if (!room) throw new Error(`no group ${topic}`);
    this.mocker.createRoom({ ...room.payload, id: `twin-${room.id}`, memberIdList: [...room.payload.memberIdList] });
  }

  /**
   * Drops a delivered message from the mock's memory. wechaty-puppet-mock keeps every message it
   * ever delivered, which a real puppet does not; long runs forget them so memory reflects the bot.
   */
  forget(messageId: string): void {
    this.mocker.cacheMessagePayload.delete(messageId);
    void this.puppet.dirtyPayload(PUPPET.types.Payload.Message, messageId);
  }

  /** Delivers a message again, as puppets sometimes do after a reconnect. */
  redeliver(messageId: string): void {
    this.puppet.emit('message', { messageId });
  }

  /** Posts an image into a group, as a site photo would be. */
  sayImage(from: string, topic: string, file: FileBox, postedAt: Date = this.clock.now()): string {
    const room = this.rooms.get(topic);
    if (!room) throw new Error(`no group ${topic}`);
    const id = `m${++this.seq}-${postedAt.getTime()}`;
    this.mocker.cacheFileBoxPayload.set(id, file.toJSON());
    this.mocker.MessageMock.create({
      id,
      talkerId: this.person(from).id,
      timestamp: postedAt.getTime(),
      type: PUPPET.types.Message.Image,
      roomId: room.id,
      mentionIdList: [],
    });
    this.puppet.emit('message', { messageId: id });
    return id;
  }
}
