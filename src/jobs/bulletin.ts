import fs from 'node:fs';
import path from 'node:path';
import type { Stores } from '../store/stores';
import type { JobRunner, Slot } from '../schedule/scheduler';
import type { WarningThresholds } from '../core/rules/warnings';
import { buildBulletin } from '../features/bulletin/build';
import { lastCompleteSpec } from '../core/stats/bulletin';
import { dispatchText } from '../text/dispatch';
import type { HonourRules } from '../core/stats/honours';
import { periodOf } from '../core/stats/period';

const keyOf = (slot: Slot, groupId: number) => `job:${slot.job.name}:${slot.key}:g${groupId}`;

export interface BulletinJobDeps {
  isWorkday: (date: string) => boolean;
  thresholds: () => WarningThresholds;
  /** Where the image and workbook are written before they are sent (kept as the office's archive). */
  dir: string;
  /** The rules of 表扬 and 通报批评 admins configured. */
  honourRules: () => HonourRules;
}

/**
 * Weekly dispatch (周调度, Mondays) and monthly bulletin (月通报, the 1st) in the dispatch groups: the
 * text, then the ranking image, then (monthly) the full bulletin workbook. The period is the last
 * complete ISO week or calendar month before the run, wherever the admins moved the run to.
 */
export function bulletinJob(s: Stores, kind: 'week' | 'month', d: BulletinJobDeps): JobRunner {
  return async (slot) => {
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
    const dir = path.resolve(d.dir, `${kind}-${spec}`);
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
        const key = `${keyOf(slot, g.id)}:${path.extname(file).slice(1)}`;
        s.outbox.enqueue({ key, target: { groupId: g.id }, text: '', filePath: file, after }, slot.now);
        after = key;
      }
    }
  };
}
