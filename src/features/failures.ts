import fs from 'node:fs';
import type { Stores } from '../store/stores';
import type { OutboxItem } from '../domain/outbox';
import { outboxKey } from '../domain/outbox';
import { diskLowText, jobFailedText, sendGivenUpText } from '../text/failures';
import { shanghaiDate } from '../time/clock';

/** An alert channel outside WeChat (webhook, e-mail); never rejects. */
export interface ExternalAlert {
  send(text: string): Promise<void>;
}

/** Below either of these the disk is low: space for a few days of photos and a backup or two. */
export const LOW_DISK_MB = 1024;
export const LOW_DISK_SHARE = 0.05;

export type StatFs = (dir: string) => { bavail: number; blocks: number; bsize: number };

/**
 * Tells the admins of failures that would otherwise sit in a log: in private chat and on the external
 * channel, once per cause (a job on a day, messages given up on a day, low disk on a day).
 */
export class FailureNotices {
  constructor(
    private s: Stores,
    private external: ExternalAlert | null,
  ) {}

  private tell(cause: string, text: string, now: Date): void {
    // The cause is marked told with the messages that tell it, or not at all.
    const first = this.s.transaction(() => {
      if (!this.s.causes.firstTime(cause, now)) return false;
      for (const admin of this.s.people.listAdmins()) {
        this.s.outbox.enqueue({ key: outboxKey.failure(cause, admin.id), target: { personId: admin.id }, text }, now);
      }
      return true;
    });
    if (first) void this.external?.send(text);
  }

  jobFailed(label: string, slotDate: string, error: string, now: Date): void {
    this.tell(`job:${label}:${slotDate}`, jobFailedText(label, slotDate, error), now);
  }

  /**
   * A message given up on after its retries. Alerts are told like any other, once a day, so an alert
   * that cannot be sent cannot set off another.
   */
  sendGivenUp(item: Pick<OutboxItem, 'key'>, error: string, now: Date): void {
    this.tell(`outbox:${shanghaiDate(now)}`, sendGivenUpText(error), now);
  }

  /** Checks the free space where the data lives; `statfs` is the operating system's. */
  checkDisk(dir: string, now: Date, statfs: StatFs = fs.statfsSync): void {
    const st = statfs(dir);
    const freeMB = Math.floor((st.bavail * st.bsize) / 2 ** 20);
    const totalMB = Math.floor((st.blocks * st.bsize) / 2 ** 20);
    if (freeMB >= LOW_DISK_MB && freeMB >= totalMB * LOW_DISK_SHARE) return;
    this.tell(`disk:${shanghaiDate(now)}`, diskLowText(dir, freeMB, totalMB), now);
  }
}
