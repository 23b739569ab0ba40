import type { Stores } from './context';
import type { Project } from '../store/projects';
import type { Person, Role } from '../store/people';

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
