import crypto from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createTransport } from 'nodemailer';
import type { AlertConfig } from '../config/config';
import { RepeatGate, type Logger } from '../log/log';
import { systemClock, type Clock } from '../time/clock';

/** Somewhere an alert can be delivered outside WeChat; rejects when it could not be. */
export interface AlertChannel {
  send(text: string): Promise<void>;
}

/** Every configured channel behind one `send`, which logs failures and never rejects. */
export type Alerter = AlertChannel;

export interface AlerterOptions {
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Waits before each retry of a failed delivery; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  /** The same text goes out at most once in this window. */
  repeatWindowMs?: number;
}

type Webhook = NonNullable<AlertConfig['webhook']>;

const REQUEST_TIMEOUT_MS = 10_000;

/** A definite "no" from the receiver (wrong key, bad signature): retrying cannot help. */
class RefusedError extends Error {}

export function createAlerter(config: AlertConfig, log: Logger, fetchImpl: typeof fetch = fetch, opts: AlerterOptions = {}): Alerter {
  const clock = opts.clock ?? systemClock;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const retryDelaysMs = opts.retryDelaysMs ?? [1_000, 5_000];
  const channels: { name: string; channel: AlertChannel }[] = [];
  if (config.webhook) channels.push({ name: config.webhook.kind, channel: webhookChannel(config.webhook, clock, fetchImpl) });
  if (config.email) channels.push({ name: 'email', channel: emailChannel(config.email) });
  if (channels.length === 0) {
    log.warn('alert.unconfigured', { note: '未设置 RISHAI_ALERT_WEBHOOK 或 RISHAI_ALERT_SMTP_URL：微信掉线等告警只写入日志' });
  } else {
    log.info('alert.channels', { channels: channels.map((c) => c.name) });
  }
  const gate = new RepeatGate(opts.repeatWindowMs ?? 10 * 60_000, () => clock.now().getTime());

  const deliver = async (name: string, channel: AlertChannel, text: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await channel.send(text);
        return;
      } catch (err) {
        const wait = retryDelaysMs[attempt - 1];
        if (err instanceof RefusedError || wait === undefined) {
          log.error('alert.failed', { channel: name, attempt, error: describe(err) });
          return;
        }
        log.warn('alert.retry', { channel: name, attempt, error: describe(err) });
        await sleep(wait);
      }
    }
  };

  return {
    async send(text) {
      const suppressed = gate.pass(text);
      if (suppressed === null) {
        log.debug('alert.suppressed', { text });
        return;
      }
      log.warn('alert', { text, ...(suppressed ? { repeatedSinceLast: suppressed } : {}) });
      await Promise.all(channels.map(({ name, channel }) => deliver(name, channel, text)));
    },
  };
}

/** A group robot of WeCom, DingTalk or Feishu/Lark, or any endpoint taking `{"text": ...}`. */
function webhookChannel(hook: Webhook, clock: Clock, fetchImpl: typeof fetch): AlertChannel {
  return {
    async send(text) {
      const { url, body } = webhookRequest(hook, text, clock.now().getTime());
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const answer = await res.text();
      if (res.status >= 500 || res.status === 429) throw new Error(`HTTP ${res.status}`);
      if (!res.ok) throw new RefusedError(`HTTP ${res.status}: ${answer.slice(0, 200)}`);
      // The robots answer HTTP 200 even when they reject the message; the verdict is in the body.
      const refusal = hook.kind === 'generic' ? undefined : robotRefusal(answer);
      if (refusal) throw new RefusedError(refusal);
    },
  };
}

function webhookRequest(hook: Webhook, text: string, nowMs: number): { url: string; body: object } {
  switch (hook.kind) {
    case 'wecom':
      return { url: hook.url, body: { msgtype: 'text', text: { content: text } } };
    case 'dingtalk': {
      const body = { msgtype: 'text', text: { content: text } };
      if (!hook.secret) return { url: hook.url, body };
      // DingTalk: HmacSHA256 keyed by the secret over "timestamp\nsecret", in the query string.
      const url = new URL(hook.url);
      url.searchParams.set('timestamp', String(nowMs));
      url.searchParams.set('sign', crypto.createHmac('sha256', hook.secret).update(`${nowMs}\n${hook.secret}`).digest('base64'));
      return { url: url.toString(), body };
    }
    case 'feishu': {
      const body = { msg_type: 'text', content: { text } };
      if (!hook.secret) return { url: hook.url, body };
      // Feishu: HmacSHA256 keyed by "timestamp\nsecret" over nothing, with the timestamp in seconds, in the body.
      const timestamp = String(Math.floor(nowMs / 1000));
      const sign = crypto.createHmac('sha256', `${timestamp}\n${hook.secret}`).digest('base64');
      return { url: hook.url, body: { timestamp, sign, ...body } };
    }
    case 'generic':
      return { url: hook.url, body: { text } };
  }
}

/** WeCom and DingTalk answer `{"errcode":0}`, Feishu `{"code":0}`; anything else names the refusal. */
function robotRefusal(answer: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const r = parsed as { errcode?: unknown; errmsg?: unknown; code?: unknown; msg?: unknown };
  if (typeof r.errcode === 'number' && r.errcode !== 0) return `${r.errcode} ${String(r.errmsg)}`;
  if (typeof r.code === 'number' && r.code !== 0) return `${r.code} ${String(r.msg)}`;
  return undefined;
}

function emailChannel(email: NonNullable<AlertConfig['email']>): AlertChannel {
  // nodemailer's defaults wait minutes for a dead server; an alert is worth a quick retry instead.
  const transport = createTransport({ url: email.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(text) {
      const subject = text.split(/[。\n]/)[0]!.slice(0, 80);
      await transport.sendMail({ from: email.from, to: email.to, subject, text });
    },
  };
}

function describe(err: unknown): string {
  // Duck-typed: errors from fetch may come from another realm (jest's sandbox), failing `instanceof Error`.
  const { message, cause } = Object(err) as { message?: unknown; cause?: { message?: unknown } };
  if (typeof message !== 'string') return String(err);
  // fetch reports every network failure as "fetch failed"; the cause says which.
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}
