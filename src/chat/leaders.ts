import type { Stores } from './context';
import type { Project } from '../store/projects';
import type { Person } from '../store/people';
import { roleHolders } from './roles';

/** Projects a person leads (帮包领导), in any group the project is bound to. */
export function projectsLedBy(s: Stores, person: Person): Project[] {
  return s.projects.list().filter((p) => s.groups.groupsOf(p.id).some((g) => roleHolders(s, p, 'leader', g.id).some((x) => x.id === person.id)));
}

/** Whether a person is a leader of a project (in any of its groups). */
export function leads(s: Stores, person: Person, project: Project): boolean {
  return s.groups.groupsOf(project.id).some((g) => roleHolders(s, project, 'leader', g.id).some((x) => x.id === person.id));
}

/** Ids of the people leading a project, across its groups. */
export function leaderIdsOf(s: Stores, project: Project): number[] {
  return [...new Set(s.groups.groupsOf(project.id).flatMap((g) => roleHolders(s, project, 'leader', g.id).map((p) => p.id)))];
}
