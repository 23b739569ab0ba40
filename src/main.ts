import path from 'node:path';
import qrcodeTerminal from 'qrcode-terminal';
import { WechatyBuilder, log as wechatyLog, types } from 'wechaty';
import { loadConfig, loadDotEnv } from './config/config';
import { createLogger, RepeatGate } from './log/log';
import { openDb } from './store/db';
import { systemClock } from './time/clock';
import { createApp } from './app';
import { LiveCalendar } from './features/calendar';
import { createAlerter } from './alert/alert';
import { LoginWatch } from './alert/login';
import { CalendarStore } from './store/calendar';

const DISK_CHECK_MS = 10 * 60_000;

/** `npm start`: the bot on real WeChat, through the puppet named in .env. */
async function main(): Promise<void> {
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`配置有误，请检查 .env：\n${loaded.errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  const config = loaded.config;
  const log = createLogger(config.logLevel);
  // Wechaty's own logging is chatty; ours carries what an operator needs unless debugging.
  wechatyLog.level(config.logLevel === 'debug' ? 'verbose' : 'warn');
  // Alerts go through a channel that does not depend on the WeChat session they report on.
  const alerter = createAlerter(config.alert, log);
  const loginWatch = new LoginWatch(alerter, systemClock, log);
  loginWatch.start();
  const db = openDb(config.dbFile);
  const wechaty = WechatyBuilder.build({
    // The memory card keeps the login session across restarts; it lives in data/ and is git-ignored.
    name: 'data/rishai',
    puppet: config.puppet as never,
    puppetOptions: config.puppetToken ? { token: config.puppetToken } : {},
  });
  const calendar = new LiveCalendar(new CalendarStore(db), systemClock);
  const app = createApp({
    db,
    wechaty,
    clock: systemClock,
    log,
    settings: {
      admins: config.admins,
      staleSeconds: config.staleSeconds,
      photoWindowMinutes: config.photoWindowMinutes,
      mediaDir: config.mediaDir,
    },
    send: { gapMs: config.sendGapMs, jitterMs: config.sendJitterMs, perMinute: config.sendPerMinute, quietHours: config.quietHours },
    bulletinDir: config.bulletinDir,
    backup: config.backup,
    alert: alerter,
    commentPrompt: { privately: config.leaderPromptPrivately, nudgeAfterWorkdays: config.commentNudgeWorkdays },
    calendar,
  });

  const errors = new RepeatGate(60_000);
  wechaty
    .on('scan', (qrcode, status) => {
      loginWatch.onScan(qrcode, status);
      if (status !== types.ScanStatus.Waiting && status !== types.ScanStatus.Timeout) return;
      qrcodeTerminal.generate(qrcode, { small: true });
      log.info('login.scan', { url: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` });
    })
    .on('login', (user) => {
      log.info('login', { user: user.name() });
      loginWatch.onLogin(user.name());
    })
    .on('logout', (user, reason) => {
      log.warn('logout', { user: user.name(), reason, note: '已掉线，消息暂存发件箱，重新登录后发送' });
      loginWatch.onLogout(user.name(), reason);
    })
    .on('error', (err) => {
      const suppressed = errors.pass(err.message);
      if (suppressed === null) return;
      const offline = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET|socket hang up/i.test(err.message);
      log.error('wechaty.error', {
        message: err.message,
        ...(suppressed ? { repeatedSinceLast: suppressed } : {}),
        ...(offline ? { hint: '无法连接微信服务器，请检查网络；恢复后会自动重连' } : {}),
      });
    });

  const shutdown = async (signal: string) => {
    log.info('shutdown', { signal });
    app.sender.stop();
    app.scheduler.stop();
    loginWatch.stop();
    await app.inbound.idle();
    await wechaty.stop().catch(() => undefined);
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await wechaty.start();
  } catch (err) {
    log.error('wechaty.start_failed', { message: (err as Error).message, hint: '无法连接微信，请检查网络和 WECHATY_PUPPET 设置' });
    await alerter.send(`【日晒】机器人无法启动微信连接：${(err as Error).message}`);
    process.stderr.write(`无法启动微信连接：${(err as Error).message}\n请检查网络，以及 .env 中的 WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN。\n`);
    db.close();
    process.exit(1);
  }
  app.sender.start();
  await app.scheduler.resumeInterrupted();
  app.scheduler.start();
  // Disk space is checked at start and every ten minutes where the database lives.
  const checkDisk = () => {
    try {
      app.failures.checkDisk(path.dirname(path.resolve(config.dbFile)), systemClock.now());
    } catch (err) {
      log.warn('disk.check_failed', { error: err });
    }
  };
  checkDisk();
  const diskTimer = setInterval(checkDisk, DISK_CHECK_MS);
  diskTimer.unref();
  const year = new Date().getFullYear();
  for (const y of [year, year + 1]) {
    if (!calendar.isCovered(y)) {
      log.warn('calendar.uncovered', { year: y, note: `${y} 年节假日数据缺失，工作日暂按周一至周五计算；可用 npx rishai calendar add 补录` });
    }
  }
  log.info('started', { db: config.dbFile, puppet: config.puppet });
}

void main();
