import type { Clock } from '../time/clock';
import type { Logger } from '../log/log';
import type { OutboxStore } from '../store/outbox';
import type { OutboxItem } from '../domain/outbox';

/** What the outbox needs from a chat connection. */
export interface Transport {
  isLoggedIn(): boolean;
  send(item: OutboxItem): Promise<void>;
}

export interface SenderOptions {
  gapMs: number;
  jitterMs: number;
  perMinute: number;
  /** Minutes after midnight (Shanghai): scheduled messages wait until it ends. */
  quietHours?: { start: number; end: number } | null;
  maxAttempts?: number;
  random?: () => number;
  /** Told of an item given up on after its last attempt. */
  onGiveUp?: (item: OutboxItem, error: string) => void;
}

// WeChat's "operation too frequent" answers; the code must stand as a code, not inside an id.
const FREQUENT = /频繁|too frequent|(?:ret|code|errcode)\W{0,3}1205\b/i;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const HARD_BACKOFF_MS = 10 * 60_000;

/**
 * Drains the outbox at a pace WeChat tolerates: a minimum gap (plus jitter) between sends and a
 * per-minute cap. Failures are retried with exponential back-off; "too frequent" answers pause all sending.
 */
export class OutboxSender {
  private nextSendAt = 0;
  private sentTimes: number[] = [];
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  /** Nothing can be due before this, unless something new was queued since (an idle outbox costs no query). */
  private quietUntil = { at: 0, enqueued: -1 };
  private readonly maxAttempts: number;
  private readonly random: () => number;

  constructor(
    private store: OutboxStore,
    private transport: Transport,
    private clock: Clock,
    private log: Logger,
    private opts: SenderOptions,
  ) {
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.random = opts.random ?? Math.random;
  }

  /** Sends what is due now within the rate limits; returns how many were sent. */
  async drain(): Promise<number> {
    if (this.draining) return 0;
    if (this.store.enqueued === this.quietUntil.enqueued && this.clock.now().getTime() < this.quietUntil.at) return 0;
    this.draining = true;
    let sent = 0;
    try {
      for (;;) {
        const now = this.clock.now().getTime();
        if (!this.transport.isLoggedIn() || now < this.pausedUntil || now < this.nextSendAt) break;
        this.sentTimes = this.sentTimes.filter((t) => now - t < 60_000);
        if (this.sentTimes.length >= this.opts.perMinute) break;
        const [item] = this.store.due(this.clock.now(), 1);
        if (!item) {
          this.quietUntil = { at: this.store.nextDueAt()?.getTime() ?? Infinity, enqueued: this.store.enqueued };
          break;
        }
        if (item.expiresAt && Date.parse(item.expiresAt) <= now) {
          this.store.markFailed(item.id, '已过时效，未发送');
          this.log.info('outbox.expired', { key: item.key });
          continue;
        }
        const wait = this.heldUntil(item);
        if (wait) {
          this.store.markRetry(item.id, '免打扰时段', wait);
          continue;
        }
        if (!this.store.claim(item.id)) continue;
        if (await this.sendOne(item)) sent++;
      }
    } finally {
      this.draining = false;
    }
    return sent;
  }

  /** End of the quiet hours when a scheduled message falls inside them; replies and alerts are never held. */
  private heldUntil(item: OutboxItem): Date | null {
    const q = this.opts.quietHours;
    if (!q || item.kind !== 'scheduled') return null;
    const now = this.clock.now().getTime();
    const local = new Date(now + SHANGHAI_OFFSET_MS);
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const inside = q.start <= q.end ? minute >= q.start && minute < q.end : minute >= q.start || minute < q.end;
    if (!inside) return null;
    const wait = (q.end - minute + 1440) % 1440;
    return new Date(Math.floor(now / 60_000) * 60_000 + wait * 60_000);
  }

  private async sendOne(item: OutboxItem): Promise<boolean> {
    const now = this.clock.now().getTime();
    try {
      await this.transport.send(item);
      this.store.markSent(item.id, this.clock.now());
      this.sentTimes.push(now);
      this.nextSendAt = now + this.opts.gapMs + Math.floor(this.random() * this.opts.jitterMs);
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (FREQUENT.test(message)) this.pausedUntil = now + HARD_BACKOFF_MS;
      const attempt = item.attempts + 1;
      if (attempt >= this.maxAttempts) {
        this.store.markFailed(item.id, message);
        this.log.error('outbox.failed', { key: item.key, attempt, error: message });
        this.opts.onGiveUp?.(item, message);
      } else {
        const backoff = Math.min(60 * 60_000, 5_000 * 2 ** (attempt - 1));
        this.store.markRetry(item.id, message, new Date(Math.max(now + backoff, this.pausedUntil)));
        this.log.warn('outbox.retry', { key: item.key, attempt, error: message });
      }
      return false;
    }
  }

  /** Polls the outbox on a real timer (production); tests call `drain()` directly. */
  start(intervalMs = 500): void {
    const tick = () => {
      this.drain()
        .catch((err) => this.log.error('outbox.drain_error', { error: err }))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
