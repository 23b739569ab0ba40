import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { createAlerter, type AlerterOptions } from '../../src/alert/alert';
import type { AlertConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/log';
import { ManualClock } from '../../src/time/clock';

type Received = { path: string; query: URLSearchParams; contentType: string | undefined; body: string };

/** A robot endpoint on 127.0.0.1 that records what it gets and answers from a script. */
class FakeRobot {
  received: Received[] = [];
  /** Answers for the next requests, in order; then 200 with the WeCom/DingTalk "ok". */
  answers: { status: number; body: string }[] = [];
  private server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.received.push({ path: url.pathname, query: url.searchParams, contentType: req.headers['content-type'], body });
      const answer = this.answers.shift() ?? { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  base = '';

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const START = '2026-11-24T08:00:00.000Z';
const TEXT = '【日晒】微信已掉线（账号 日晒助手）。请尽快扫码登录。';

function setup(config: AlertConfig, opts: AlerterOptions = {}) {
  const lines: string[] = [];
  const log = createLogger('debug', (l) => lines.push(l));
  const clock = new ManualClock(START);
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  const alerter = createAlerter(config, log, fetch, { clock, sleep, ...opts });
  const events = () => lines.map((l) => JSON.parse(l) as { level: string; event: string; [k: string]: unknown });
  return { alerter, clock, sleeps, events };
}

const hook = (url: string, kind: NonNullable<AlertConfig['webhook']>['kind'], secret?: string): AlertConfig => ({
  webhook: { url, kind, secret },
  email: undefined,
});

describe('webhook alerts', () => {
  const robot = new FakeRobot();
  beforeAll(() => robot.listen());
  afterAll(() => robot.close());
  beforeEach(() => {
    robot.received = [];
    robot.answers = [];
  });

  it('posts the WeCom text message to the robot URL as given', async () => {
    const { alerter } = setup(hook(`${robot.base}/cgi-bin/webhook/send?key=k-1`, 'wecom'));
    await alerter.send(TEXT);
    expect(robot.received).toHaveLength(1);
    const [r] = robot.received;
    expect(r!.path).toBe('/cgi-bin/webhook/send');
    expect(r!.query.get('key')).toBe('k-1');
    expect(r!.contentType).toMatch(/^application\/json/);
    expect(r!.body).toBe(JSON.stringify({ msgtype: 'text', text: { content: TEXT } }));
  });

  it('posts the DingTalk text message, unsigned when there is no secret', async () => {
    const { alerter } = setup(hook(`${robot.base}/robot/send?access_token=t-1`, 'dingtalk'));
    await alerter.send(TEXT);
    const [r] = robot.received;
    expect(r!.body).toBe(JSON.stringify({ msgtype: 'text', text: { content: TEXT } }));
    expect([...r!.query.keys()]).toEqual(['access_token']);
  });

  it('signs DingTalk requests with the millisecond timestamp and HmacSHA256 of "timestamp\\nsecret"', async () => {
    const secret = 'SEC0123456789abcdef';
    const { alerter, clock } = setup(hook(`${robot.base}/robot/send?access_token=t-1`, 'dingtalk', secret));
    await alerter.send(TEXT);
    const timestamp = String(clock.now().getTime());
    const reference = crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
    const [r] = robot.received;
    expect(r!.query.get('access_token')).toBe('t-1');
    expect(r!.query.get('timestamp')).toBe(timestamp);
    expect(r!.query.get('sign')).toBe(reference);
    expect(r!.body).toBe(JSON.stringify({ msgtype: 'text', text: { content: TEXT } }));
  });

  it('posts the Feishu text message, unsigned when there is no secret', async () => {
    robot.answers.push({ status: 200, body: '{"code":0,"data":{},"msg":"success"}' });
    const { alerter, events } = setup(hook(`${robot.base}/open-apis/bot/v2/hook/h-1`, 'feishu'));
    await alerter.send(TEXT);
    const [r] = robot.received;
    expect(r!.path).toBe('/open-apis/bot/v2/hook/h-1');
    expect(r!.body).toBe(JSON.stringify({ msg_type: 'text', content: { text: TEXT } }));
    expect(events().filter((e) => e.event === 'alert.failed')).toEqual([]);
  });

  it('signs Feishu requests in the body with the second timestamp and HmacSHA256 keyed by "timestamp\\nsecret"', async () => {
    const secret = 'feishu-secret';
    const { alerter, clock } = setup(hook(`${robot.base}/open-apis/bot/v2/hook/h-1`, 'feishu', secret));
    clock.advance(999);
    await alerter.send(TEXT);
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    const reference = crypto.createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
    const body = JSON.parse(robot.received[0]!.body) as Record<string, unknown>;
    expect(body).toEqual({ timestamp, sign: reference, msg_type: 'text', content: { text: TEXT } });
    expect(timestamp).toBe(String(Date.parse(START) / 1000));
  });

  it('posts {"text": ...} to a generic webhook', async () => {
    robot.answers.push({ status: 200, body: 'accepted' });
    const { alerter, events } = setup(hook(`${robot.base}/notify`, 'generic'));
    await alerter.send(TEXT);
    expect(robot.received[0]!.body).toBe(JSON.stringify({ text: TEXT }));
    expect(events().filter((e) => e.event === 'alert.failed')).toEqual([]);
  });

  it('retries a failed delivery after the back-off delays', async () => {
    robot.answers.push({ status: 500, body: 'busy' }, { status: 502, body: 'busy' });
    const { alerter, sleeps, events } = setup(hook(`${robot.base}/hook`, 'wecom'));
    await alerter.send(TEXT);
    expect(robot.received).toHaveLength(3);
    expect(sleeps).toEqual([1_000, 5_000]);
    expect(events().filter((e) => e.event === 'alert.retry')).toHaveLength(2);
    expect(events().filter((e) => e.event === 'alert.failed')).toEqual([]);
  });

  it('gives up after the retries, logs it and resolves', async () => {
    robot.answers.push(...Array.from({ length: 3 }, () => ({ status: 500, body: 'down' })));
    const { alerter, sleeps, events } = setup(hook(`${robot.base}/hook`, 'wecom'));
    await expect(alerter.send(TEXT)).resolves.toBeUndefined();
    expect(robot.received).toHaveLength(3);
    expect(sleeps).toEqual([1_000, 5_000]);
    expect(events().find((e) => e.event === 'alert.failed')).toMatchObject({ level: 'error', channel: 'wecom', attempt: 3, error: 'HTTP 500' });
  });

  it('does not retry what the robot refuses outright', async () => {
    robot.answers.push({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    const { alerter, sleeps, events } = setup(hook(`${robot.base}/robot/send?access_token=t`, 'dingtalk', 'SECx'));
    await alerter.send(TEXT);
    expect(robot.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(events().find((e) => e.event === 'alert.failed')).toMatchObject({ channel: 'dingtalk', error: '310000 sign not match' });
  });

  it('reads a Feishu refusal from its "code" field', async () => {
    robot.answers.push({ status: 200, body: '{"code":19021,"msg":"sign match fail"}' });
    const { alerter, events } = setup(hook(`${robot.base}/open-apis/bot/v2/hook/h`, 'feishu', 's'));
    await alerter.send(TEXT);
    expect(events().find((e) => e.event === 'alert.failed')).toMatchObject({ channel: 'feishu', error: '19021 sign match fail' });
  });

  it('sends the same text at most once in ten minutes', async () => {
    const { alerter, clock } = setup(hook(`${robot.base}/hook`, 'wecom'));
    await alerter.send(TEXT);
    await alerter.send(TEXT);
    await alerter.send('【日晒】另一条告警');
    expect(robot.received).toHaveLength(2);
    clock.advance(10 * 60_000 - 1);
    await alerter.send(TEXT);
    expect(robot.received).toHaveLength(2);
    clock.advance(1);
    await alerter.send(TEXT);
    expect(robot.received.map((r) => JSON.parse(r.body).text.content)).toEqual([TEXT, '【日晒】另一条告警', TEXT]);
  });

  it('survives an unreachable robot', async () => {
    const gone = new FakeRobot();
    await gone.listen();
    await gone.close();
    const { alerter, events } = setup(hook(`${gone.base}/hook`, 'wecom'));
    await expect(alerter.send(TEXT)).resolves.toBeUndefined();
    expect(events().find((e) => e.event === 'alert.failed')?.error).toMatch(/ECONNREFUSED/);
  });
});

describe('without channels', () => {
  it('warns once at start that alerts only reach the log, and logs each alert', async () => {
    const { alerter, events } = setup({ webhook: undefined, email: undefined });
    await alerter.send(TEXT);
    await alerter.send('【日晒】另一条告警');
    expect(events().filter((e) => e.event === 'alert.unconfigured')).toHaveLength(1);
    expect(events().filter((e) => e.event === 'alert').map((e) => e.text)).toEqual([TEXT, '【日晒】另一条告警']);
  });
});

type Mail = { auth: string; from: string; to: string[]; data: string };

/** Just enough SMTP on 127.0.0.1 to accept one message per connection. */
async function fakeSmtp(): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = net.createServer((socket) => {
    const mail: Mail = { auth: '', from: '', to: [], data: '' };
    let buffer = '';
    let inData = false;
    socket.setEncoding('utf8');
    socket.write('220 localhost ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push(mail);
            socket.write('250 queued\r\n');
          } else {
            mail.data += `${line}\r\n`;
          }
          continue;
        }
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH') {
          mail.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          socket.write('235 accepted\r\n');
        } else if (verb === 'MAIL') {
          mail.from = /<(.*)>/.exec(line)?.[1] ?? '';
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          mail.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Decodes the base64 encoded-words of a header and a base64 body, the way nodemailer writes UTF-8 text. */
function readMail(data: string): { subject: string; body: string } {
  const [head = '', body = ''] = data.split('\r\n\r\n');
  const subjectLine = /^Subject: (.*(?:\r\n .*)*)/m.exec(head)?.[1] ?? '';
  const subject = [...subjectLine.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8')).join('');
  return { subject, body: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') };
}

describe('e-mail alerts', () => {
  it('mails the alert over SMTP, with its first sentence as the subject', async () => {
    const smtp = await fakeSmtp();
    try {
      const { alerter, events } = setup({
        webhook: undefined,
        email: { smtpUrl: `smtp://ops%40example.cn:p%40ss@127.0.0.1:${smtp.port}`, from: 'ops@example.cn', to: ['li@example.cn', 'wang@example.cn'] },
      });
      await alerter.send(TEXT);
      expect(events().filter((e) => e.event === 'alert.failed')).toEqual([]);
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail!.auth).toBe('\0ops@example.cn\0p@ss');
      expect(mail!.from).toBe('ops@example.cn');
      expect(mail!.to).toEqual(['li@example.cn', 'wang@example.cn']);
      expect(readMail(mail!.data)).toEqual({ subject: '【日晒】微信已掉线（账号 日晒助手）', body: TEXT });
    } finally {
      await smtp.close();
    }
  });
});
