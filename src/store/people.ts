import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { Person, Role } from '../domain/people';

interface PersonRow {
  id: number;
  puppet_contact_id: string | null;
  name: string;
  is_admin: number;
  admin_source: 'config' | 'chat' | 'code' | 'cli' | null;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  puppetContactId: r.puppet_contact_id,
  name: r.name,
  isAdmin: r.is_admin === 1,
});

/** People (our stable ids), admins and project roles. */
export class PeopleStore {
  private byPuppet;
  private byId;
  private insert;
  private rename;
  private remap;
  private admin;
  private adminNamed;
  private admins;
  private clearRole;
  private addRole;
  private roleHolders;
  private allRoleHolders;

  constructor(private db: Db) {
    this.byPuppet = db.prepare<[string], PersonRow>('SELECT * FROM persons WHERE puppet_contact_id = ?');
    this.byId = db.prepare<[number], PersonRow>('SELECT * FROM persons WHERE id = ?');
    this.insert = db.prepare<[string, string, number, string], PersonRow>(
      'INSERT INTO persons (puppet_contact_id, name, is_admin, created_at) VALUES (?, ?, ?, ?) RETURNING *',
    );
    this.rename = db.prepare<[string, number]>('UPDATE persons SET name = ? WHERE id = ?');
    this.remap = db.prepare<[string, number]>('UPDATE persons SET puppet_contact_id = ? WHERE id = ?');
    this.admin = db.prepare<[number, string | null, number]>('UPDATE persons SET is_admin = ?, admin_source = ? WHERE id = ?');
    this.adminNamed = db.prepare<[string, number], number>('SELECT id FROM persons WHERE name = ? AND is_admin = 1 AND id <> ? LIMIT 1').pluck();
    this.admins = db.prepare<[], PersonRow>('SELECT * FROM persons WHERE is_admin = 1 ORDER BY id');
    this.clearRole = db.prepare<[number, string]>('DELETE FROM project_roles WHERE project_id = ? AND role = ?');
    this.addRole = db.prepare<[number, string, number, number | null, string]>(
      'INSERT OR IGNORE INTO project_roles (project_id, role, person_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.roleHolders = db.prepare<[number, string], PersonRow>(
      'SELECT p.* FROM project_roles r JOIN persons p ON p.id = r.person_id WHERE r.project_id = ? AND r.role = ? ORDER BY p.id',
    );
    this.allRoleHolders = db.prepare<[string], PersonRow & { project_id: number }>(
      'SELECT r.project_id, p.* FROM project_roles r JOIN persons p ON p.id = r.person_id WHERE r.role = ? ORDER BY r.project_id, p.id',
    );
  }

  /**
   * The person behind a puppet contact, created on first sight. The display name is refreshed
   * on every message, so identity follows the contact, not the nickname.
   */
  see(puppetContactId: string, name: string, now: Date, configuredAdmins: readonly string[] = []): Person {
    let row = this.byPuppet.get(puppetContactId);
    if (row && name && row.name !== name) {
      this.rename.run(name, row.id);
      row = { ...row, name };
    }
    if (!row) row = this.insert.get(puppetContactId, name, 0, shanghaiIso(now))!;
    return toPerson(this.followConfig(row, configuredAdmins));
  }

  /**
   * Admins listed in the configuration are known only by nickname, which anyone can copy: the right
   * goes to the first person seen with that name and to nobody else while they hold it. It follows
   * the configuration both ways; a right granted in chat is kept.
   */
  private followConfig(row: PersonRow, configuredAdmins: readonly string[]): PersonRow {
    const listed = configuredAdmins.includes(row.name);
    if (listed && row.is_admin === 0 && this.adminNamed.get(row.name, row.id) === undefined) {
      this.admin.run(1, 'config', row.id);
      return { ...row, is_admin: 1, admin_source: 'config' };
    }
    if (!listed && row.admin_source === 'config') {
      this.admin.run(0, null, row.id);
      return { ...row, is_admin: 0, admin_source: null };
    }
    return row;
  }

  byPuppetId(puppetContactId: string): Person | undefined {
    const row = this.byPuppet.get(puppetContactId);
    return row && toPerson(row);
  }

  get(id: number): Person | undefined {
    const row = this.byId.get(id);
    return row && toPerson(row);
  }

  /** Points one of our people at the puppet's new contact id (after a re-login on puppets with unstable ids). */
  remapPuppetId(personId: number, puppetContactId: string): void {
    this.remap.run(puppetContactId, personId);
  }

  /** Grants (or revokes) the admin right: from chat (#设置 管理员), by a one-time code, or by the CLI. */
  setAdmin(personId: number, on: boolean, source: 'chat' | 'code' | 'cli' = 'chat'): void {
    this.admin.run(on ? 1 : 0, on ? source : null, personId);
  }

  /** The admins with where each right came from: config, chat, code or cli. */
  adminsWithSource(): (Person & { source: string | null })[] {
    return this.admins.all().map((r) => ({ ...toPerson(r), source: r.admin_source }));
  }

  listAdmins(): Person[] {
    return this.admins.all().map(toPerson);
  }

  /** Replaces the holders of a role on a project. */
  assignRole(projectId: number, role: Role, personIds: number[], by: number | null, now: Date): void {
    this.db.transaction(() => {
      this.clearRole.run(projectId, role);
      for (const id of personIds) this.addRole.run(projectId, role, id, by, shanghaiIso(now));
    })();
  }

  holders(projectId: number, role: Role): Person[] {
    return this.roleHolders.all(projectId, role).map(toPerson);
  }

  /** `holders` of every project at once, by project (projects without any left out). */
  holdersByProject(role: Role): Map<number, Person[]> {
    const out = new Map<number, Person[]>();
    for (const row of this.allRoleHolders.all(role)) {
      const list = out.get(row.project_id);
      if (list) list.push(toPerson(row));
      else out.set(row.project_id, [toPerson(row)]);
    }
    return out;
  }
}
