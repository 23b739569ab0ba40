import fs from 'node:fs';
import path from 'node:path';
import type { Bulletin } from '../core/stats/bulletin';
import { bulletinMarkdown } from '../text/markdown';
import { writeBulletinXlsx } from './xlsx';
import { bulletinImagePng } from './image';

export interface BulletinFiles {
  md: string;
  xlsx: string;
  png: string;
}

/** Writes bulletin.md, bulletin.xlsx and bulletin.png into `dir` (created if missing). */
export async function writeBulletinFiles(b: Bulletin, dir: string): Promise<BulletinFiles> {
  fs.mkdirSync(dir, { recursive: true });
  const files = { md: path.join(dir, 'bulletin.md'), xlsx: path.join(dir, 'bulletin.xlsx'), png: path.join(dir, 'bulletin.png') };
  fs.writeFileSync(files.md, bulletinMarkdown(b));
  await writeBulletinXlsx({ title: b.title, byTown: b.byTown, byUnit: b.byUnit, projects: b.input.projects, honours: b.honours }, files.xlsx);
  fs.writeFileSync(files.png, bulletinImagePng(b));
  return files;
}
