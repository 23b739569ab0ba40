import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

export interface Person {
  id: number;
  puppetContactId: string | null;
  name: string;
  isAdmin: boolean;
}

export type Role = 'liaison' | 'leader';

interface PersonRow {
  id: number;
  puppet_contact_id: string | null;
  name: string;
  is_admin: number;
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
  private admins;
  private clearRole;
  private addRole;
  private roleHolders;
  private rolesOf;

  constructor(private db: Db) {
    this.byPuppet = db.prepare<[string], PersonRow>('SELECT * FROM persons WHERE puppet_contact_id = ?');
    this.byId = db.prepare<[number], PersonRow>('SELECT * FROM persons WHERE id = ?');
    this.insert = db.prepare<[string, string, number, string], PersonRow>(
      'INSERT INTO persons (puppet_contact_id, name, is_admin, created_at) VALUES (?, ?, ?, ?) RETURNING *',
    );
    this.rename = db.prepare<[string, number]>('UPDATE persons SET name = ? WHERE id = ?');
    this.remap = db.prepare<[string, number]>('UPDATE persons SET puppet_contact_id = ? WHERE id = ?');
    this.admin = db.prepare<[number, number]>('UPDATE persons SET is_admin = ? WHERE id = ?');
    this.admins = db.prepare<[], PersonRow>('SELECT * FROM persons WHERE is_admin = 1 ORDER BY id');
    this.clearRole = db.prepare<[number, string]>('DELETE FROM project_roles WHERE project_id = ? AND role = ?');
    this.addRole = db.prepare<[number, string, number, number | null, string]>(
      'INSERT OR IGNORE INTO project_roles (project_id, role, person_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.roleHolders = db.prepare<[number, string], PersonRow>(
      'SELECT p.* FROM project_roles r JOIN persons p ON p.id = r.person_id WHERE r.project_id = ? AND r.role = ? ORDER BY p.id',
    );
    this.rolesOf = db.prepare<[number], { project_id: number; role: Role }>(
      'SELECT project_id, role FROM project_roles WHERE person_id = ?',
    );
  }

  /**
   * The person behind a puppet contact, created on first sight. The display name is refreshed
   * on every message, so identity follows the contact, not the nickname.
   */
  see(puppetContactId: string, name: string, now: Date, configuredAdmins: readonly string[] = []): Person {
    const row = this.byPuppet.get(puppetContactId);
    if (row) {
      if (row.name !== name && name) this.rename.run(name, row.id);
      return toPerson({ ...row, name: name || row.name });
    }
    const isAdmin = configuredAdmins.includes(name) ? 1 : 0;
    return toPerson(this.insert.get(puppetContactId, name, isAdmin, shanghaiIso(now))!);
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

  setAdmin(personId: number, on: boolean): void {
    this.admin.run(on ? 1 : 0, personId);
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

  rolesOfPerson(personId: number): { projectId: number; role: Role }[] {
    return this.rolesOf.all(personId).map((r) => ({ projectId: r.project_id, role: r.role }));
  }
}
