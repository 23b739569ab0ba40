import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { Group } from '../domain/group';

interface GroupRow {
  id: number;
  puppet_room_id: string | null;
  topic: string;
  is_dispatch: number;
}

const toGroup = (r: GroupRow): Group => ({
  id: r.id,
  puppetRoomId: r.puppet_room_id,
  topic: r.topic,
  isDispatch: r.is_dispatch === 1,
});

/** Groups (our stable ids), their members and the projects bound to them. */
export class GroupStore {
  private byPuppet;
  private byId;
  private all;
  private insert;
  private retopic;
  private dispatch;
  private remap;
  private unmap;
  private bind;
  private unbindOne;
  private unbindAll;
  private projectIds;
  private groupsOfProject;
  private addMember;
  private memberIds;
  private firstBound;

  constructor(private db: Db) {
    this.byPuppet = db.prepare<[string], GroupRow>('SELECT * FROM groups WHERE puppet_room_id = ?');
    this.byId = db.prepare<[number], GroupRow>('SELECT * FROM groups WHERE id = ?');
    this.all = db.prepare<[], GroupRow>('SELECT * FROM groups ORDER BY id');
    this.insert = db.prepare<[string, string, string], GroupRow>(
      'INSERT INTO groups (puppet_room_id, topic, created_at) VALUES (?, ?, ?) RETURNING *',
    );
    this.retopic = db.prepare<[string, number]>('UPDATE groups SET topic = ? WHERE id = ?');
    this.dispatch = db.prepare<[number, number]>('UPDATE groups SET is_dispatch = ? WHERE id = ?');
    this.remap = db.prepare<[string, number]>('UPDATE groups SET puppet_room_id = ? WHERE id = ?');
    this.unmap = db.prepare<[string]>('UPDATE groups SET puppet_room_id = NULL WHERE puppet_room_id = ?');
    this.bind = db.prepare<[number, number, number | null, string]>(
      'INSERT OR IGNORE INTO group_projects (group_id, project_id, bound_by, bound_at) VALUES (?, ?, ?, ?)',
    );
    this.unbindOne = db.prepare<[number, number]>('DELETE FROM group_projects WHERE group_id = ? AND project_id = ?');
    this.unbindAll = db.prepare<[number]>('DELETE FROM group_projects WHERE group_id = ?');
    this.projectIds = db
      .prepare<[number], number>('SELECT project_id FROM group_projects WHERE group_id = ? ORDER BY project_id')
      .pluck();
    this.groupsOfProject = db.prepare<[number], GroupRow>(
      'SELECT g.* FROM group_projects gp JOIN groups g ON g.id = gp.group_id WHERE gp.project_id = ? ORDER BY g.id',
    );
    this.addMember = db.prepare<[number, number]>('INSERT OR IGNORE INTO group_members (group_id, person_id) VALUES (?, ?)');
    this.firstBound = db.prepare<[], { project_id: number; since: string }>(
      'SELECT project_id, MIN(bound_at) AS since FROM group_projects GROUP BY project_id',
    );
    this.memberIds = db
      .prepare<[number], number>('SELECT person_id FROM group_members WHERE group_id = ? ORDER BY person_id')
      .pluck();
  }

  findByPuppetId(puppetRoomId: string): Group | undefined {
    const row = this.byPuppet.get(puppetRoomId);
    return row && toGroup(row);
  }

  get(id: number): Group | undefined {
    const row = this.byId.get(id);
    return row && toGroup(row);
  }

  list(): Group[] {
    return this.all.all().map(toGroup);
  }

  /** The group for a puppet room, created when first needed (on binding). */
  ensure(puppetRoomId: string, topic: string, now: Date): Group {
    const found = this.byPuppet.get(puppetRoomId);
    if (found) {
      if (topic && found.topic !== topic) this.retopic.run(topic, found.id);
      return toGroup({ ...found, topic: topic || found.topic });
    }
    return toGroup(this.insert.get(puppetRoomId, topic, shanghaiIso(now))!);
  }

  setDispatch(groupId: number, on: boolean): void {
    this.dispatch.run(on ? 1 : 0, groupId);
  }

  noteTopic(groupId: number, topic: string): void {
    this.retopic.run(topic, groupId);
  }

  /** Maps one of our groups to the puppet's current room id, freeing that id from any other group. */
  remapPuppetId(groupId: number, puppetRoomId: string): void {
    this.db.transaction(() => {
      this.unmap.run(puppetRoomId);
      this.remap.run(puppetRoomId, groupId);
    })();
  }

  bindProject(groupId: number, projectId: number, by: number | null, now: Date): boolean {
    return this.bind.run(groupId, projectId, by, shanghaiIso(now)).changes > 0;
  }

  unbindProject(groupId: number, projectId: number): boolean {
    return this.unbindOne.run(groupId, projectId).changes > 0;
  }

  unbindAllProjects(groupId: number): number {
    return this.unbindAll.run(groupId).changes;
  }

  projectIdsOf(groupId: number): number[] {
    return this.projectIds.all(groupId);
  }

  groupsOf(projectId: number): Group[] {
    return this.groupsOfProject.all(projectId).map(toGroup);
  }

  noteMember(groupId: number, personId: number): void {
    this.addMember.run(groupId, personId);
  }

  memberIdsOf(groupId: number): number[] {
    return this.memberIds.all(groupId);
  }

  /** For each bound project, the date (YYYY-MM-DD, Shanghai) its first group was bound. */
  boundSince(): Map<number, string> {
    return new Map(this.firstBound.all().map((r) => [r.project_id, r.since.slice(0, 10)]));
  }
}
