import { ScanStatus } from 'wechaty-puppet/types';
import type { AlertChannel } from '../../src/alert/alert';
import { LoginWatch, qrLink, SCAN_TIMEOUT, SCAN_WAITING } from '../../src/alert/login';
import { createLogger } from '../../src/log/log';
import { ManualClock } from '../../src/time/clock';

const MINUTE = 60_000;
// 16:00 in Shanghai.
const START = '2026-11-24T08:00:00.000Z';
const BOT = '日晒助手';

function setup(channel?: AlertChannel) {
  const clock = new ManualClock(START);
  const sent: string[] = [];
  const lines: string[] = [];
  const recording: AlertChannel = { send: async (text) => void sent.push(text) };
  const watch = new LoginWatch(channel ?? recording, clock, createLogger('debug', (l) => lines.push(l)));
  return { clock, sent, lines, watch };
}

/** Logged in at start, then dropped one minute later. */
function droppedAt1601() {
  const s = setup();
  s.watch.onLogin(BOT);
  s.clock.advance(MINUTE);
  s.watch.onLogout(BOT, 'session expired');
  return s;
}

describe('LoginWatch', () => {
  it('mirrors the Wechaty scan statuses that carry a QR code', () => {
    expect(SCAN_WAITING).toBe(ScanStatus.Waiting);
    expect(SCAN_TIMEOUT).toBe(ScanStatus.Timeout);
  });

  it('stays quiet when the bot logs in within the start-up grace', () => {
    const { clock, sent, watch } = setup();
    watch.onScan('qr-0', SCAN_WAITING);
    clock.advance(9 * MINUTE);
    watch.tick();
    watch.onLogin(BOT);
    clock.advance(60 * MINUTE);
    watch.tick();
    expect(sent).toEqual([]);
  });

  it('alerts when the bot is still not logged in ten minutes after start, then says when it is', () => {
    const { clock, sent, watch } = setup();
    clock.advance(MINUTE);
    watch.onScan('qr-1', SCAN_WAITING);
    clock.advance(9 * MINUTE - 1);
    watch.tick();
    expect(sent).toEqual([]);
    clock.advance(1);
    watch.tick();
    watch.tick();
    expect(sent).toEqual([
      `【日晒】机器人启动 10 分钟仍未登录微信（启动时间 2026-11-24 16:00）。消息暂存发件箱，登录后自动发送。请尽快扫码登录：${qrLink('qr-1')}`,
    ]);
    clock.advance(2 * MINUTE);
    watch.onLogin(BOT);
    expect(sent[1]).toBe(`【日晒】微信已登录（账号 ${BOT}，启动后等待 12 分钟）。`);
  });

  it('sends the logout alert with the QR code that follows it', () => {
    const { clock, sent, watch } = droppedAt1601();
    expect(sent).toEqual([]);
    clock.advance(5_000);
    watch.onScan('https://login.weixin.qq.com/l/abc==', SCAN_WAITING);
    expect(sent).toEqual([
      `【日晒】微信已掉线（账号 ${BOT}，原因 session expired，时间 2026-11-24 16:01）。消息暂存发件箱，重新登录后自动发送。请尽快扫码登录：https://wechaty.js.org/qrcode/https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fabc%3D%3D`,
    ]);
    clock.advance(MINUTE);
    watch.tick();
    expect(sent).toHaveLength(1);
  });

  it('passes on refreshed QR codes at most every five minutes', () => {
    const { clock, sent, watch } = droppedAt1601();
    watch.onScan('qr-a', SCAN_WAITING);
    clock.advance(2 * MINUTE);
    watch.onScan('qr-b', SCAN_TIMEOUT);
    clock.advance(3 * MINUTE - 1);
    watch.onScan('qr-c', SCAN_WAITING);
    expect(sent).toHaveLength(1);
    clock.advance(1);
    watch.onScan('qr-d', SCAN_WAITING);
    expect(sent[1]).toBe(`【日晒】微信仍未登录（已掉线 5 分钟），二维码已更新，请扫码登录：${qrLink('qr-d')}`);
    clock.advance(4 * MINUTE);
    watch.onScan('qr-e', SCAN_WAITING);
    expect(sent).toHaveLength(2);
  });

  it('ignores scan events without a fresh QR code', () => {
    const { sent, watch } = droppedAt1601();
    watch.onScan('qr-a', ScanStatus.Scanned);
    watch.onScan('qr-a', ScanStatus.Confirmed);
    watch.onScan('', SCAN_WAITING);
    expect(sent).toEqual([]);
  });

  it('alerts without a link when no QR code comes soon, and sends the first one that does', () => {
    const { clock, sent, watch } = droppedAt1601();
    watch.onLogout(BOT, 'repeated event');
    clock.advance(MINUTE - 1);
    watch.tick();
    expect(sent).toEqual([]);
    clock.advance(1);
    watch.tick();
    expect(sent).toEqual([
      `【日晒】微信已掉线（账号 ${BOT}，原因 session expired，时间 2026-11-24 16:01）。消息暂存发件箱，重新登录后自动发送。请尽快扫码登录（二维码见机器人的终端或日志）。`,
    ]);
    clock.advance(MINUTE);
    watch.onScan('qr-late', SCAN_WAITING);
    expect(sent[1]).toBe(`【日晒】微信仍未登录（已掉线 2 分钟），二维码已更新，请扫码登录：${qrLink('qr-late')}`);
  });

  it('says when the bot is back, and for how long it was away', () => {
    const { clock, sent, watch } = droppedAt1601();
    watch.onScan('qr-a', SCAN_WAITING);
    clock.advance(125 * MINUTE);
    watch.onLogin(BOT);
    expect(sent[1]).toBe(`【日晒】微信已重新登录（账号 ${BOT}，掉线 2 小时 5 分钟）。`);
    clock.advance(60 * MINUTE);
    watch.tick();
    expect(sent).toHaveLength(2);
  });

  it('takes a login QR code while online as a drop that Wechaty did not report', () => {
    const { clock, sent, watch } = setup();
    watch.onLogin(BOT);
    clock.advance(MINUTE);
    watch.onScan('qr-x', SCAN_WAITING);
    expect(sent).toEqual([
      `【日晒】微信已掉线（账号 ${BOT}，原因 未知，时间 2026-11-24 16:01）。消息暂存发件箱，重新登录后自动发送。请尽快扫码登录：${qrLink('qr-x')}`,
    ]);
  });

  it('names an unknown logout reason', () => {
    const { clock, sent, watch } = setup();
    watch.onLogin(BOT);
    watch.onLogout(BOT);
    clock.advance(MINUTE);
    watch.tick();
    expect(sent[0]).toContain('原因 未知');
  });

  it('stays quiet about a drop that heals before its alert is due', () => {
    const { clock, sent, watch } = droppedAt1601();
    clock.advance(30_000);
    watch.onLogin(BOT);
    clock.advance(10 * MINUTE);
    watch.tick();
    expect(sent).toEqual([]);
  });

  it('logs a channel that fails instead of letting the rejection escape', async () => {
    const failing: AlertChannel = { send: () => Promise.reject(new Error('no route')) };
    const { clock, lines, watch } = setup(failing);
    watch.onLogin(BOT);
    watch.onLogout(BOT, 'x');
    clock.advance(MINUTE);
    watch.tick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'error', event: 'alert.failed', error: expect.stringContaining('no route') })]);
  });
});
