import type { ProjectStore, UpsertSummary } from '../../store/projects';
import { type Project } from '../../domain/project';
import { columnOf } from './columns';
import { namesOf, readRegistryFile, type NameKey, type RegistryError, type RegistryRow } from './read';

export type ImportResult = { ok: true; summary: UpsertSummary } | { ok: false; errors: RegistryError[] };

/**
 * Reads a registry file and applies it by project name; when any row is invalid, or a name or alias
 * clashes with a stored project the file leaves alone, nothing is written.
 */
export async function importRegistry(store: ProjectStore, file: string, now: Date): Promise<ImportResult> {
  const read = await readRegistryFile(file);
  if (!read.ok) return read;
  const errors = clashesWithStored(read.rows, store.list());
  if (errors.length) return { ok: false, errors };
  return { ok: true, summary: store.upsert(read.rows.map((row) => row.project), now) };
}

/**
 * Names and aliases in the file that a stored project not in the file still answers to, which would make
 * the chat bot's match ambiguous. Stored projects named in the file are replaced, so their old aliases are free.
 */
function clashesWithStored(rows: readonly RegistryRow[], stored: readonly Project[]): RegistryError[] {
  const inFile = new Set(rows.map((row) => row.project.name));
  const kept = stored.filter((project) => !inFile.has(project.name));
  const owners = new Map<string, { project: Project; key: NameKey }>();
  for (const project of kept) owners.set(project.name, { project, key: 'name' });
  for (const project of kept) {
    for (const alias of project.aliases) if (!owners.has(alias)) owners.set(alias, { project, key: 'aliases' });
  }

  return rows.flatMap(({ line, project }) => {
    return namesOf(project).flatMap(([label, key]) => {
      const owner = owners.get(label);
      if (!owner) return [];
      const what = `${columnOf(key).header}「${label}」与已导入的项目「${owner.project.name}」的${columnOf(owner.key).header}重复`;
      return [{ line, message: `第${line}行 ${what}（该项目不在本文件中）` }];
    });
  });
}
