import type { Job, JobDeps, JobRunner } from './job';
import { takeBackup } from '../features/backup';

type Deps = Pick<JobDeps, 'stores' | 'backup'>;

/**
 * The nightly copy of the database, kept `keep` deep. A copy that fails its check throws, so the run
 * is recorded as failed and the admins are told.
 */
function backupJob({ stores, backup }: Deps): JobRunner {
  return async (slot) => {
    const r = await takeBackup(stores, backup.dir, slot.now, backup.keep);
    if (!r.ok) throw new Error(`backup failed its check: ${r.problem}`);
  };
}

export const BACKUP = {
  name: 'backup', label: '备份', cadence: 'daily', cron: '30 2 * * *', workdaysOnly: false, missed: 'late', create: backupJob,
} as const satisfies Job;
