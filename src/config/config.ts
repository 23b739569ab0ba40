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

const schema = z.object({
  RISHAI_DB: z.string().min(1).default('data/rishai.db'),
  RISHAI_MEDIA_DIR: z.string().min(1).default('data/media'),
  RISHAI_ADMINS: list,
  RISHAI_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RISHAI_STALE_SECONDS: int(120),
  RISHAI_PHOTO_WINDOW_MINUTES: int(30),
  RISHAI_SEND_GAP_MS: int(2000),
  RISHAI_SEND_JITTER_MS: int(1000),
  RISHAI_SEND_PER_MINUTE: int(20, 1),
  RISHAI_BOT_NAME: z.string().min(1).default('rishai'),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
});

export type Config = {
  dbFile: string;
  mediaDir: string;
  admins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  staleSeconds: number;
  photoWindowMinutes: number;
  sendGapMs: number;
  sendJitterMs: number;
  sendPerMinute: number;
  botName: string;
  puppet: string;
  puppetToken: string | undefined;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads configuration from an environment; every problem names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}（当前值：${JSON.stringify(env[String(i.path[0])] ?? '')}）`),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      dbFile: e.RISHAI_DB,
      mediaDir: e.RISHAI_MEDIA_DIR,
      admins: e.RISHAI_ADMINS,
      logLevel: e.RISHAI_LOG_LEVEL,
      staleSeconds: e.RISHAI_STALE_SECONDS,
      photoWindowMinutes: e.RISHAI_PHOTO_WINDOW_MINUTES,
      sendGapMs: e.RISHAI_SEND_GAP_MS,
      sendJitterMs: e.RISHAI_SEND_JITTER_MS,
      sendPerMinute: e.RISHAI_SEND_PER_MINUTE,
      botName: e.RISHAI_BOT_NAME,
      puppet: e.WECHATY_PUPPET,
      puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN,
    },
  };
}

/** Loads `.env` into process.env when present; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
