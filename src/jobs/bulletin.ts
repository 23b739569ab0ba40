import fs from 'node:fs';
import path from 'node:path';
import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner, Slot } from './job';
import { buildBulletin } from '../features/bulletin/build';
import { lastCompleteSpec } from '../core/stats/bulletin';
import { dispatchText } from '../text/dispatch';
import { periodOf } from '../core/stats/period';

const keyOf = (slot: Slot, groupId: number, ...parts: string[]) => outboxKey.job(slot.job.name, slot.key, { groupId }, ...parts);

/**
 * Weekly dispatch (周调度, Mondays) and monthly bulletin (月通报, the 1st) in the dispatch groups: the
 * text, then the ranking image, then (monthly) the full bulletin workbook. The period is the last
 * complete ISO week or calendar month before the run, wherever the admins moved the run to.
 */
function bulletinJob(kind: 'week' | 'month') {
  return (d: Pick<JobDeps, 'stores' | 'isWorkday' | 'thresholds' | 'honourRules' | 'bulletinDir'>): JobRunner => async (slot) => {
    const s = d.stores;
    const dispatch = s.groups.list().filter((g) => g.isDispatch);
    if (!dispatch.length) return;
    const spec = lastCompleteSpec(kind, slot.date);
    const b = buildBulletin(s, kind, periodOf(kind, spec), slot.date, d.isWorkday, d.thresholds(), d.honourRules());
    // A bot bound only this week has nothing to say about last week.
    if (!b.district.overall.reporting.due) return;
    const text = dispatchText(b, slot.late);

    // The text is queued first and on its own: it is the part leaders read and should not wait on the
    // files, which wait for it (a retried text must not arrive after its image).
    for (const g of dispatch) s.outbox.enqueue({ key: keyOf(slot, g.id), target: { groupId: g.id }, text }, slot.now);

    // Loaded the first time a bulletin is made, not when the bot starts: ECharts and resvg (and exceljs,
    // for a month) are tens of megabytes a bot that never publishes need not carry.
    const { bulletinImagePng } = require('../render/image') as typeof import('../render/image.js');
    // Absolute: the outbox may send the file after a restart from another working directory.
    const dir = path.resolve(d.bulletinDir, `${kind}-${spec}`);
    fs.mkdirSync(dir, { recursive: true });
    // WeChat shows a file by its name, so the files are named for what they are.
    const png = path.join(dir, `${b.title}.png`);
    fs.writeFileSync(png, bulletinImagePng(b));
    const files = [png];
    if (kind === 'month') {
      const { writeBulletinXlsx } = require('../render/xlsx') as typeof import('../render/xlsx.js');
      const xlsx = path.join(dir, `${b.title}.xlsx`);
      await writeBulletinXlsx({ title: b.title, byTown: b.byTown, byUnit: b.byUnit, projects: b.input.projects, honours: b.honours }, xlsx);
      files.push(xlsx);
    }
    // Each file follows the message before it: the text, then the image, then the workbook.
    for (const g of dispatch) {
      let after = keyOf(slot, g.id);
      for (const file of files) {
        const key = keyOf(slot, g.id, path.extname(file).slice(1));
        s.outbox.enqueue({ key, target: { groupId: g.id }, text: '', filePath: file, after }, slot.now);
        after = key;
      }
    }
  };
}

export const WEEKLY_DISPATCH = {
  name: 'weeklyDispatch', label: '周调度', cadence: 'weekly', cron: '0 9 * * 1', workdaysOnly: false, missed: 'late', create: bulletinJob('week'),
} as const satisfies Job;

export const MONTHLY_BULLETIN = {
  name: 'monthlyBulletin', label: '月通报', cadence: 'monthly', cron: '0 9 1 * *', workdaysOnly: false, missed: 'late', create: bulletinJob('month'),
} as const satisfies Job;
