import type { Stores } from '../store/stores';
import type { Project } from '../domain/project';
import type { Person, Role } from '../domain/people';

/**
 * Who holds a role on a project: the people an admin named with #设置, or else the group members
 * whose nickname matches the registry's 联络员 / 帮包领导.
 */
export function roleHolders(s: Stores, project: Project, role: Role, groupId: number | null): Person[] {
  const assigned = s.people.holders(project.id, role);
  const registered = role === 'liaison' ? project.liaison : project.leader;
  if (assigned.length || !groupId || !registered) return assigned;
  return s.groups.memberIdsOf(groupId).flatMap((id) => {
    const p = s.people.get(id);
    return p && p.name === registered ? [p] : [];
  });
}

/** Whether a person holds one of the roles on a project, in any group the project is bound to. */
export function holdsRole(s: Stores, person: Person, project: Project, roles: readonly Role[]): boolean {
  return s.groups.groupsOf(project.id).some((g) => roles.some((role) => roleHolders(s, project, role, g.id).some((x) => x.id === person.id)));
}

/** Projects a person leads (帮包领导). */
export function projectsLedBy(s: Stores, person: Person): Project[] {
  return s.projects.list().filter((p) => holdsRole(s, person, p, ['leader']));
}

/** Ids of the people leading a project, across its groups. */
export function leaderIdsOf(s: Stores, project: Project): number[] {
  return [...new Set(s.groups.groupsOf(project.id).flatMap((g) => roleHolders(s, project, 'leader', g.id).map((p) => p.id)))];
}

/**
 * `leaderIdsOf` for many projects at once, as people: the named leaders of all projects in one read;
 * only a project without any falls back to its groups' nicknames.
 */
export function leadersByProject(s: Stores, projects: readonly Project[], bound: ReadonlyMap<number, string>): Map<number, Person[]> {
  const named = s.people.holdersByProject('leader');
  return new Map(
    projects.map((p): [number, Person[]] => {
      const assigned = named.get(p.id) ?? [];
      if (!bound.has(p.id)) return [p.id, []];
      if (assigned.length || !p.leader) return [p.id, assigned];
      return [p.id, leaderIdsOf(s, p).flatMap((id) => s.people.get(id) ?? [])];
    }),
  );
}
