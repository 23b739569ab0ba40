import type { Db } from '../store/db';
import { ProjectStore, type UpsertSummary } from '../store/projects';
import { readRegistryFile, type RegistryError } from './read';

export type ImportResult = { ok: true; summary: UpsertSummary } | { ok: false; errors: RegistryError[] };

/** Reads a registry file and applies it by project name; when any row is invalid nothing is written. */
export async function importRegistry(db: Db, file: string, now: Date): Promise<ImportResult> {
  const read = await readRegistryFile(file);
  if (!read.ok) return read;
  return { ok: true, summary: new ProjectStore(db).upsert(read.projects, now) };
}
