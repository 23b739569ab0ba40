import type { Logger } from '../log/log';
import { inShanghai, type Clock } from '../time/clock';
import type { AlertChannel } from './alert';

/** Wechaty's ScanStatus values that come with a fresh QR code; mirrored so this module needs no Wechaty. */
export const SCAN_WAITING = 2;
export const SCAN_TIMEOUT = 5;

export interface LoginWatchOptions {
  /** After a logout, how long to wait for a QR code before alerting without one. */
  qrWaitMs?: number;
  /** Least time between two alerts carrying a refreshed QR code. */
  qrRepeatMs?: number;
  /** Still not logged in this long after start-up: alert. */
  startupGraceMs?: number;
}

/** One stretch of time without a WeChat session: from start-up or from a logout. */
type Outage = {
  cause: 'startup' | 'logout';
  since: number;
  reason: string;
  /** When to alert even though no QR code has come. */
  alertAt: number;
  alerted: boolean;
  linkSentAt: number | undefined;
  qrcode: string | undefined;
};

export function qrLink(qrcode: string): string {
  return `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`;
}

/**
 * Tells the admins, through a channel that does not need WeChat, when the bot loses its session
 * and when it is back. Fed with Wechaty's scan/login/logout events; `tick()` handles what is due
 * by time alone (a real timer calls it in production, tests call it after moving the clock).
 */
export class LoginWatch {
  private outage: Outage | undefined;
  private user = '';
  private timer: NodeJS.Timeout | undefined;
  private readonly qrWaitMs: number;
  private readonly qrRepeatMs: number;

  constructor(
    private alert: AlertChannel,
    private clock: Clock,
    private log: Logger,
    opts: LoginWatchOptions = {},
  ) {
    this.qrWaitMs = opts.qrWaitMs ?? 60_000;
    this.qrRepeatMs = opts.qrRepeatMs ?? 5 * 60_000;
    // Someone is usually at the terminal to scan at start-up, so this alert waits much longer.
    this.outage = this.begin('startup', opts.startupGraceMs ?? 10 * 60_000, '');
  }

  onScan(qrcode: string, status: number): void {
    if (!qrcode || (status !== SCAN_WAITING && status !== SCAN_TIMEOUT)) return;
    // A login QR code while we think we are online means the session is gone, logout event or not.
    const o = (this.outage ??= this.begin('logout', this.qrWaitMs, '未知'));
    o.qrcode = qrcode;
    if (!o.alerted) {
      if (o.cause === 'logout') this.announce(o);
      return;
    }
    const now = this.now();
    // QR codes expire within minutes, so a fresh one is passed on, but not at every refresh.
    if (o.linkSentAt !== undefined && now - o.linkSentAt < this.qrRepeatMs) return;
    o.linkSentAt = now;
    const waited = o.cause === 'logout' ? `已掉线 ${duration(now - o.since)}` : `启动后已等待 ${duration(now - o.since)}`;
    this.send(`【日晒】微信仍未登录（${waited}），二维码已更新，请扫码登录：${qrLink(qrcode)}`);
  }

  onLogin(userName: string): void {
    const o = this.outage;
    this.outage = undefined;
    this.user = userName;
    // A drop nobody was told about (it healed before its alert was due) needs no "back" message either.
    if (!o?.alerted) return;
    const away = duration(this.now() - o.since);
    this.send(
      o.cause === 'logout'
        ? `【日晒】微信已重新登录（账号 ${userName}，掉线 ${away}）。`
        : `【日晒】微信已登录（账号 ${userName}，启动后等待 ${away}）。`,
    );
  }

  onLogout(userName: string, reason?: string): void {
    if (this.outage) return;
    this.user = userName;
    this.outage = this.begin('logout', this.qrWaitMs, reason?.trim() || '未知');
  }

  tick(): void {
    const o = this.outage;
    if (o && !o.alerted && this.now() >= o.alertAt) this.announce(o);
  }

  start(intervalMs = 10_000): void {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private announce(o: Outage): void {
    o.alerted = true;
    const now = this.now();
    if (o.qrcode) o.linkSentAt = now;
    const scan = o.qrcode ? `请尽快扫码登录：${qrLink(o.qrcode)}` : '请尽快扫码登录（二维码见机器人的终端或日志）。';
    this.send(
      o.cause === 'logout'
        ? `【日晒】微信已掉线（账号 ${this.user}，原因 ${o.reason}，时间 ${clockTime(o.since)}）。消息暂存发件箱，重新登录后自动发送。${scan}`
        : `【日晒】机器人启动 ${duration(now - o.since)}仍未登录微信（启动时间 ${clockTime(o.since)}）。消息暂存发件箱，登录后自动发送。${scan}`,
    );
  }

  private begin(cause: Outage['cause'], alertInMs: number, reason: string): Outage {
    const now = this.now();
    return { cause, since: now, reason, alertAt: now + alertInMs, alerted: false, linkSentAt: undefined, qrcode: undefined };
  }

  private send(text: string): void {
    this.alert.send(text).catch((err: unknown) => this.log.error('alert.failed', { error: err instanceof Error ? err : String(err) }));
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '不到 1 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} 小时${rest ? ` ${rest} 分钟` : ''}`;
}

function clockTime(ms: number): string {
  return inShanghai(ms).format('YYYY-MM-DD HH:mm');
}
