import fs from 'node:fs';
import path from 'node:path';
import type { Stores } from '../chat/context';
import type { WarningThresholds } from '../rules/warnings';
import { computeStats, isoWeekOf, type Period, type PeriodKind, type StatsFigures, type StatsInput } from './stats';
import { statsInput } from './source';
import { bulletinMarkdown } from './markdown';
import { writeBulletinXlsx } from './xlsx';
import { bulletinImagePng } from './image';
import { addDays } from '../time/clock';

/** The figures of one bulletin, computed once and shared by the chat text, the image and the workbook. */
export interface Bulletin {
  kind: PeriodKind;
  /** e.g. `2026年10月全区重点项目建设情况通报`. */
  title: string;
  input: StatsInput;
  district: StatsFigures;
  byTown: StatsFigures;
  byUnit: StatsFigures;
}

export interface BulletinFiles {
  md: string;
  xlsx: string;
  png: string;
}

/** The full title a bulletin carries in its files and captions. */
export function bulletinTitle(kind: PeriodKind, period: Period): string {
  const y = Number(period.from.slice(0, 4));
  const m = Number(period.from.slice(5, 7));
  const d = Number(period.from.slice(8, 10));
  switch (kind) {
    case 'day':
      return `${y}年${m}月${d}日全区重点项目日晒榜`;
    case 'week': {
      const [year, week] = isoWeekOf(period.from).split('-W');
      return `${year}年第${Number(week)}周全区重点项目周调度`;
    }
    case 'month':
      return `${y}年${m}月全区重点项目建设情况通报`;
    case 'year':
      return `${y}年全区重点项目建设情况统计`;
  }
}

/** Reads the stores once and computes the figures for the district, by 镇街 and by 责任单位. */
export function buildBulletin(
  s: Stores,
  kind: PeriodKind,
  period: Period,
  today: string,
  isWorkday: (d: string) => boolean,
  thresholds: WarningThresholds,
): Bulletin {
  const input = statsInput(s, period, today, isWorkday, thresholds);
  return {
    kind,
    title: bulletinTitle(kind, period),
    input,
    district: computeStats(input, 'district'),
    byTown: computeStats(input, 'town'),
    byUnit: computeStats(input, 'unit'),
  };
}

/** The bulletin's image: the 镇街 ranking table above the chart of reporting rate and investment completion. */
export function bulletinPng(b: Bulletin): Buffer {
  return bulletinImagePng(b);
}

/** Writes bulletin.md, bulletin.xlsx and bulletin.png into `dir` (created if missing). */
export async function writeBulletinFiles(b: Bulletin, dir: string): Promise<BulletinFiles> {
  fs.mkdirSync(dir, { recursive: true });
  const files = { md: path.join(dir, 'bulletin.md'), xlsx: path.join(dir, 'bulletin.xlsx'), png: path.join(dir, 'bulletin.png') };
  fs.writeFileSync(files.md, bulletinMarkdown(b.kind, b.district, b.byTown));
  await writeBulletinXlsx({ title: b.title, byTown: b.byTown, byUnit: b.byUnit, projects: b.input.projects }, files.xlsx);
  fs.writeFileSync(files.png, bulletinPng(b));
  return files;
}

/** The period spec a bulletin run on `today` covers by default: today, the last complete ISO week, the last month. */
export function lastCompleteSpec(kind: 'day' | 'week' | 'month', today: string): string {
  if (kind === 'day') return today;
  if (kind === 'week') return isoWeekOf(addDays(today, -7));
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}
