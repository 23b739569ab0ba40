import type { Wechaty } from 'wechaty';
import { type Clock, shanghaiDate } from '../../time/clock';
import type { Logger } from '../../log/log';
import type { Stores } from '../../store/stores';
import { outboxKey } from '../../domain/outbox';
import { planRebind, type KnownGroup, type LiveRoom } from './rebind';
import { unresolvedGroupNotice } from '../../text/relogin';

/**
 * After a login, points our groups and people at the puppet's current ids. Some puppets
 * (wechat4u) issue new ids at every login; groups that cannot be matched with certainty are
 * reported to the admins instead of being guessed.
 */
export async function rebindAfterLogin(wechaty: Wechaty, s: Stores, clock: Clock, log: Logger): Promise<void> {
  const rooms = await wechaty.Room.findAll();
  const live: (LiveRoom & { members: { id: string; name: string }[] })[] = [];
  for (const room of rooms) {
    // The same name the bot stores for a talker: the group nickname when there is one.
    const members = await Promise.all(
      (await room.memberAll()).filter((c) => !c.self()).map(async (c) => ({ id: c.id, name: (await room.alias(c)) || c.name() })),
    );
    live.push({ puppetRoomId: room.id, topic: await room.topic(), memberNames: members.map((m) => m.name), members });
  }
  const known: KnownGroup[] = s.groups.list().map((g) => ({
    id: g.id,
    puppetRoomId: g.puppetRoomId,
    topic: g.topic,
    memberNames: s.groups.memberIdsOf(g.id).flatMap((id) => s.people.get(id)?.name ?? []),
  }));
  const plan = planRebind(known, live);
  const now = clock.now();
  for (const r of plan.remap) {
    s.groups.remapPuppetId(r.groupId, r.puppetRoomId);
    s.groups.noteTopic(r.groupId, r.topic);
    log.info('group.rebound', { groupId: r.groupId, topic: r.topic });
  }
  // People follow their groups: a known member whose name appears in the room takes the new contact id.
  // Every group is remapped before anyone new is learnt, so a person known in one group is not
  // created afresh from another group's member list.
  const byRoom = new Map(live.map((r) => [r.puppetRoomId, r.members]));
  const groups = s.groups.list().flatMap((g) => {
    const members = g.puppetRoomId ? byRoom.get(g.puppetRoomId) : undefined;
    return members ? [{ g, members }] : [];
  });
  for (const { g, members } of groups) {
    for (const personId of s.groups.memberIdsOf(g.id)) {
      const person = s.people.get(personId);
      const twins = members.filter((m) => m.name === person?.name);
      if (person && twins.length === 1 && twins[0]!.id !== person.puppetContactId && !s.people.byPuppetId(twins[0]!.id)) {
        s.people.remapPuppetId(person.id, twins[0]!.id);
      }
    }
  }
  // Members who joined while we were away are learnt too, so role fallbacks by name find them.
  for (const { g, members } of groups) for (const m of members) s.groups.noteMember(g.id, s.people.see(m.id, m.name, now).id);
  // Admins must stay reachable to hear about unresolved groups: fall back to a unique nickname.
  const contacts = await wechaty.Contact.findAll();
  const liveIds = new Set(contacts.map((c) => c.id));
  for (const admin of s.people.listAdmins()) {
    if (admin.puppetContactId && liveIds.has(admin.puppetContactId)) continue;
    const found = contacts.filter((c) => c.name() === admin.name);
    if (found.length === 1 && !s.people.byPuppetId(found[0]!.id)) s.people.remapPuppetId(admin.id, found[0]!.id);
  }
  for (const u of plan.unresolved) {
    log.warn('group.unresolved', { groupId: u.groupId, topic: u.topic, reason: u.reason });
    for (const admin of s.people.listAdmins()) {
      s.outbox.enqueue(
        {
          key: outboxKey.unresolvedGroup(u.groupId, shanghaiDate(now), admin.id),
          target: { personId: admin.id },
          text: unresolvedGroupNotice(u.topic, u.reason),
        },
        now,
      );
    }
  }
}
