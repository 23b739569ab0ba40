import { NO_MATCHING_ROOM, ambiguousRooms, sharedRoom } from '../../text/relogin';

/** One of our groups as we last knew it. */
export interface KnownGroup {
  id: number;
  puppetRoomId: string | null;
  topic: string;
  memberNames: string[];
}

/** A room the puppet shows after a login. */
export interface LiveRoom {
  puppetRoomId: string;
  topic: string;
  memberNames: string[];
}

export interface RebindPlan {
  remap: { groupId: number; puppetRoomId: string; topic: string }[];
  unresolved: { groupId: number; topic: string; reason: string }[];
}

/** Share of a group's known members present in a room. */
function overlap(known: string[], live: string[]): number {
  if (!known.length) return 0;
  const present = new Set(live);
  return known.filter((n) => present.has(n)).length / known.length;
}

const SAME_TOPIC_MIN = 0.5;
const RENAMED_MIN = 0.8;

/**
 * Maps our groups to the puppet's rooms after a login, for puppets that issue new ids each time.
 * A group keeps its room when the id still exists; otherwise it takes the one room with its topic
 * and most of its members, or (after a rename) the one room with nearly all of its members.
 * Two groups are never pointed at one room: anything unclear is left unresolved for an admin.
 */
export function planRebind(known: readonly KnownGroup[], live: readonly LiveRoom[]): RebindPlan {
  const liveIds = new Set(live.map((r) => r.puppetRoomId));
  const kept = new Set(known.filter((g) => g.puppetRoomId && liveIds.has(g.puppetRoomId)).map((g) => g.puppetRoomId));
  const free = live.filter((r) => !kept.has(r.puppetRoomId));
  const plan: RebindPlan = { remap: [], unresolved: [] };
  const claims = new Map<string, { groupId: number; topic: string }[]>();

  for (const g of known) {
    if (g.puppetRoomId && liveIds.has(g.puppetRoomId)) continue;
    const scored = free.map((r) => ({ r, score: overlap(g.memberNames, r.memberNames) }));
    let candidates = scored.filter((x) => x.r.topic === g.topic && x.score >= SAME_TOPIC_MIN);
    if (!candidates.length) candidates = scored.filter((x) => x.score >= RENAMED_MIN);
    const best = Math.max(...candidates.map((x) => x.score));
    const top = candidates.filter((x) => x.score === best);
    if (top.length !== 1) {
      plan.unresolved.push({
        groupId: g.id,
        topic: g.topic,
        reason: top.length ? ambiguousRooms(top.length) : NO_MATCHING_ROOM,
      });
      continue;
    }
    const room = top[0]!.r;
    claims.set(room.puppetRoomId, [...(claims.get(room.puppetRoomId) ?? []), { groupId: g.id, topic: g.topic }]);
  }

  for (const [puppetRoomId, groups] of claims) {
    const room = free.find((r) => r.puppetRoomId === puppetRoomId)!;
    if (groups.length === 1) plan.remap.push({ groupId: groups[0]!.groupId, puppetRoomId, topic: room.topic });
    else for (const g of groups) plan.unresolved.push({ ...g, reason: sharedRoom(room.topic) });
  }
  return plan;
}
