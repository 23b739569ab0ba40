import fs from 'node:fs';
import { z } from 'zod';

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(/[,，、]/)
      .map((x) => x.trim())
      .filter(Boolean),
  );
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
// `.env.example` lists every variable with an empty value, so blank means "not set".
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(inner: T) => z.preprocess(blank, inner.optional());

export type WebhookKind = 'wecom' | 'dingtalk' | 'feishu' | 'generic';
const WEBHOOK_HOSTS = new Map<string, WebhookKind>([
  ['qyapi.weixin.qq.com', 'wecom'],
  ['oapi.dingtalk.com', 'dingtalk'],
  ['open.feishu.cn', 'feishu'],
  ['open.larksuite.com', 'feishu'],
]);
// Values that carry a key or password are never echoed back in an error message.
const SECRET_VARS = /SECRET|TOKEN|WEBHOOK$|SMTP_URL/;

const schema = z.object({
  RISHAI_DB: z.string().min(1).default('data/rishai.db'),
  RISHAI_MEDIA_DIR: z.string().min(1).default('data/media'),
  RISHAI_BULLETIN_DIR: z.string().min(1).default('data/bulletins'),
  RISHAI_BACKUP_DIR: z.string().min(1).default('data/backups'),
  RISHAI_BACKUP_KEEP: int(14),
  RISHAI_ADMINS: list,
  RISHAI_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RISHAI_STALE_SECONDS: int(120),
  RISHAI_PHOTO_WINDOW_MINUTES: int(30),
  RISHAI_SEND_GAP_MS: int(2000),
  RISHAI_SEND_JITTER_MS: int(1000),
  RISHAI_SEND_PER_MINUTE: int(20, 1),
  RISHAI_QUIET_HOURS: z
    .string()
    .trim()
    .regex(/^$|^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$/, { error: '应形如 22:00-07:30，留空表示不设' })
    .default('22:00-07:30'),
  RISHAI_LEADER_PROMPT: z.enum(['group', 'private'], { error: '应为 group（在项目群 @ 领导）或 private（私聊领导）' }).default('group'),
  RISHAI_COMMENT_NUDGE_WORKDAYS: int(3, 1),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  RISHAI_ALERT_WEBHOOK: optional(z.url({ protocol: /^https?$/, error: '不是有效的 http(s) 地址' })),
  RISHAI_ALERT_WEBHOOK_KIND: optional(z.enum(['wecom', 'dingtalk', 'feishu', 'generic'])),
  RISHAI_ALERT_DINGTALK_SECRET: optional(z.string().trim()),
  RISHAI_ALERT_FEISHU_SECRET: optional(z.string().trim()),
  RISHAI_ALERT_SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: '应形如 smtps://用户名:密码@服务器:465' })),
  RISHAI_ALERT_EMAIL_FROM: optional(z.string().trim().includes('@', { error: '不是邮箱地址' })),
  RISHAI_ALERT_EMAIL_TO: list.pipe(z.array(z.string().includes('@', { error: '不是邮箱地址' }))),
});

type Env = z.infer<typeof schema>;

/** Alert settings that only make sense together, as `[variable, message]` pairs. */
function alertProblems(e: Env): [string, string][] {
  const problems: [string, string][] = [];
  const kind = webhookKind(e.RISHAI_ALERT_WEBHOOK, e.RISHAI_ALERT_WEBHOOK_KIND);
  if (e.RISHAI_ALERT_WEBHOOK && !kind) problems.push(['RISHAI_ALERT_WEBHOOK', '无法从地址判断是哪种群机器人，请设置 RISHAI_ALERT_WEBHOOK_KIND']);
  if (e.RISHAI_ALERT_DINGTALK_SECRET && kind !== 'dingtalk') problems.push(['RISHAI_ALERT_DINGTALK_SECRET', '只用于钉钉机器人，但 RISHAI_ALERT_WEBHOOK 不是钉钉地址']);
  if (e.RISHAI_ALERT_FEISHU_SECRET && kind !== 'feishu') problems.push(['RISHAI_ALERT_FEISHU_SECRET', '只用于飞书机器人，但 RISHAI_ALERT_WEBHOOK 不是飞书地址']);
  if (e.RISHAI_ALERT_SMTP_URL && e.RISHAI_ALERT_EMAIL_TO.length === 0) problems.push(['RISHAI_ALERT_EMAIL_TO', '设置了 RISHAI_ALERT_SMTP_URL，还需要收件人']);
  if (!e.RISHAI_ALERT_SMTP_URL && e.RISHAI_ALERT_EMAIL_TO.length > 0) problems.push(['RISHAI_ALERT_SMTP_URL', '设置了 RISHAI_ALERT_EMAIL_TO，还需要发信服务器']);
  if (e.RISHAI_ALERT_SMTP_URL && !e.RISHAI_ALERT_EMAIL_FROM && !smtpUser(e.RISHAI_ALERT_SMTP_URL).includes('@')) {
    problems.push(['RISHAI_ALERT_EMAIL_FROM', 'SMTP 用户名不是邮箱地址，请填写发件人']);
  }
  return problems;
}

function webhookKind(url: string | undefined, forced: WebhookKind | undefined): WebhookKind | undefined {
  if (!url) return undefined;
  return forced ?? WEBHOOK_HOSTS.get(new URL(url).hostname);
}

function smtpUser(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Where alerts go when WeChat itself is down; `undefined` channels are not configured. */
export type AlertConfig = {
  webhook: { url: string; kind: WebhookKind; secret: string | undefined } | undefined;
  email: { smtpUrl: string; from: string; to: string[] } | undefined;
};

export type Config = {
  dbFile: string;
  mediaDir: string;
  /** Where the weekly and monthly bulletins' images and workbooks are kept. */
  bulletinDir: string;
  /** Nightly database backups: where, and how many are kept (0: all). */
  backup: { dir: string; keep: number };
  admins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  staleSeconds: number;
  photoWindowMinutes: number;
  sendGapMs: number;
  sendJitterMs: number;
  sendPerMinute: number;
  /** Minutes after midnight; scheduled messages wait for the end of quiet hours. */
  quietHours: { start: number; end: number } | null;
  leaderPromptPrivately: boolean;
  commentNudgeWorkdays: number;
  puppet: string;
  puppetToken: string | undefined;
  alert: AlertConfig;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

function quietHours(spec: string): { start: number; end: number } | null {
  if (!spec) return null;
  const [start = 0, end = 0] = spec.split('-').map((t) => {
    const [h, m] = t.split(':').map(Number);
    return h! * 60 + m!;
  });
  return { start, end };
}

/** Reads configuration from an environment; every problem names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const describe = (name: string, message: string) => {
    const value = SECRET_VARS.test(name) ? '已隐藏' : `当前值：${JSON.stringify(env[name] ?? '')}`;
    return `${name}: ${message}（${value}）`;
  };
  const parsed = schema.safeParse(env);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => describe(String(i.path[0]), i.message)) };
  const e = parsed.data;
  const problems = alertProblems(e);
  if (problems.length > 0) return { ok: false, errors: problems.map(([name, message]) => describe(name, message)) };
  const kind = webhookKind(e.RISHAI_ALERT_WEBHOOK, e.RISHAI_ALERT_WEBHOOK_KIND);
  const secrets: Partial<Record<WebhookKind, string>> = { dingtalk: e.RISHAI_ALERT_DINGTALK_SECRET, feishu: e.RISHAI_ALERT_FEISHU_SECRET };
  return {
    ok: true,
    config: {
      dbFile: e.RISHAI_DB,
      mediaDir: e.RISHAI_MEDIA_DIR,
      bulletinDir: e.RISHAI_BULLETIN_DIR,
      backup: { dir: e.RISHAI_BACKUP_DIR, keep: e.RISHAI_BACKUP_KEEP },
      admins: e.RISHAI_ADMINS,
      logLevel: e.RISHAI_LOG_LEVEL,
      staleSeconds: e.RISHAI_STALE_SECONDS,
      photoWindowMinutes: e.RISHAI_PHOTO_WINDOW_MINUTES,
      sendGapMs: e.RISHAI_SEND_GAP_MS,
      sendJitterMs: e.RISHAI_SEND_JITTER_MS,
      sendPerMinute: e.RISHAI_SEND_PER_MINUTE,
      quietHours: quietHours(e.RISHAI_QUIET_HOURS),
      leaderPromptPrivately: e.RISHAI_LEADER_PROMPT === 'private',
      commentNudgeWorkdays: e.RISHAI_COMMENT_NUDGE_WORKDAYS,
      puppet: e.WECHATY_PUPPET,
      puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN,
      alert: {
        webhook: e.RISHAI_ALERT_WEBHOOK && kind ? { url: e.RISHAI_ALERT_WEBHOOK, kind, secret: secrets[kind] } : undefined,
        email: e.RISHAI_ALERT_SMTP_URL
          ? {
              smtpUrl: e.RISHAI_ALERT_SMTP_URL,
              from: e.RISHAI_ALERT_EMAIL_FROM ?? smtpUser(e.RISHAI_ALERT_SMTP_URL),
              to: e.RISHAI_ALERT_EMAIL_TO,
            }
          : undefined,
      },
    },
  };
}

/** Loads `.env` into process.env when present; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
