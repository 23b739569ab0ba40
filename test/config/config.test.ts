import fs from 'node:fs';
import { parseEnv } from 'node:util';
import { loadConfig } from '../../src/config/config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const r = loadConfig({});
    expect(r).toMatchObject({
      ok: true,
      config: { dbFile: 'data/rishai.db', admins: [], staleSeconds: 120, sendGapMs: 2000, puppet: 'wechaty-puppet-wechat4u' },
    });
  });

  it('reads lists and numbers', () => {
    const r = loadConfig({ RISHAI_ADMINS: '李主任，王科长, 赵敏', RISHAI_SEND_GAP_MS: '3000' });
    expect(r.ok && r.config.admins).toEqual(['李主任', '王科长', '赵敏']);
    expect(r.ok && r.config.sendGapMs).toBe(3000);
  });

  it('names every bad variable and what it held', () => {
    const r = loadConfig({ RISHAI_SEND_GAP_MS: 'fast', RISHAI_LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(2);
    expect(errors.find((e) => e.startsWith('RISHAI_SEND_GAP_MS'))).toContain('"fast"');
    expect(errors.find((e) => e.startsWith('RISHAI_LOG_LEVEL'))).toContain('"loud"');
  });

  it('accepts .env.example as it stands, with no alert channel', () => {
    const r = loadConfig(parseEnv(fs.readFileSync('.env.example', 'utf8')));
    expect(r).toMatchObject({ ok: true, config: { alert: { webhook: undefined, email: undefined } } });
  });
});

describe('alert settings', () => {
  const alert = (env: NodeJS.ProcessEnv) => {
    const r = loadConfig(env);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.config.alert;
  };
  const errors = (env: NodeJS.ProcessEnv) => {
    const r = loadConfig(env);
    return r.ok ? [] : r.errors;
  };

  it('tells the robot kind from the webhook host, with the secret that belongs to it', () => {
    const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
    const dingtalk = 'https://oapi.dingtalk.com/robot/send?access_token=t';
    const feishu = 'https://open.feishu.cn/open-apis/bot/v2/hook/h';
    const lark = 'https://open.larksuite.com/open-apis/bot/v2/hook/h';
    expect(alert({ RISHAI_ALERT_WEBHOOK: wecom }).webhook).toEqual({ url: wecom, kind: 'wecom', secret: undefined });
    expect(alert({ RISHAI_ALERT_WEBHOOK: dingtalk, RISHAI_ALERT_DINGTALK_SECRET: 'SEC1' }).webhook).toEqual({ url: dingtalk, kind: 'dingtalk', secret: 'SEC1' });
    expect(alert({ RISHAI_ALERT_WEBHOOK: feishu, RISHAI_ALERT_FEISHU_SECRET: 'f1' }).webhook).toEqual({ url: feishu, kind: 'feishu', secret: 'f1' });
    expect(alert({ RISHAI_ALERT_WEBHOOK: lark }).webhook?.kind).toBe('feishu');
  });

  it('lets the kind be forced, and asks for it when the host is unknown', () => {
    const proxy = 'https://alerts.example.cn/robot/send?access_token=t';
    expect(alert({ RISHAI_ALERT_WEBHOOK: proxy, RISHAI_ALERT_WEBHOOK_KIND: 'dingtalk' }).webhook?.kind).toBe('dingtalk');
    expect(alert({ RISHAI_ALERT_WEBHOOK: proxy, RISHAI_ALERT_WEBHOOK_KIND: 'generic' }).webhook?.kind).toBe('generic');
    const [problem] = errors({ RISHAI_ALERT_WEBHOOK: proxy });
    expect(problem).toMatch(/^RISHAI_ALERT_WEBHOOK: .*RISHAI_ALERT_WEBHOOK_KIND/);
    expect(errors({ RISHAI_ALERT_WEBHOOK: proxy, RISHAI_ALERT_WEBHOOK_KIND: 'slack' })[0]).toMatch(/^RISHAI_ALERT_WEBHOOK_KIND/);
  });

  it('never echoes a key or password back in an error', () => {
    const found = errors({ RISHAI_ALERT_WEBHOOK: 'qyapi.weixin.qq.com/send?key=top-secret', RISHAI_ALERT_SMTP_URL: 'imap://u:hunter2@mail' });
    expect(found.map((e) => e.split(':')[0])).toEqual(['RISHAI_ALERT_WEBHOOK', 'RISHAI_ALERT_SMTP_URL']);
    expect(found.join('\n')).not.toMatch(/top-secret|hunter2/);
  });

  it('refuses a signing secret for another kind of robot', () => {
    const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
    expect(errors({ RISHAI_ALERT_WEBHOOK: wecom, RISHAI_ALERT_DINGTALK_SECRET: 'SEC1' })[0]).toMatch(/^RISHAI_ALERT_DINGTALK_SECRET/);
    expect(errors({ RISHAI_ALERT_FEISHU_SECRET: 'f1' })[0]).toMatch(/^RISHAI_ALERT_FEISHU_SECRET/);
  });

  it('mails from the SMTP user unless told otherwise', () => {
    const smtp = 'smtps://ops%40example.cn:pw@smtp.example.cn:465';
    expect(alert({ RISHAI_ALERT_SMTP_URL: smtp, RISHAI_ALERT_EMAIL_TO: 'li@example.cn，wang@example.cn' }).email).toEqual({
      smtpUrl: smtp,
      from: 'ops@example.cn',
      to: ['li@example.cn', 'wang@example.cn'],
    });
    const apiKey = 'smtps://apikey:pw@smtp.example.cn:465';
    expect(errors({ RISHAI_ALERT_SMTP_URL: apiKey, RISHAI_ALERT_EMAIL_TO: 'li@example.cn' })[0]).toMatch(/^RISHAI_ALERT_EMAIL_FROM/);
    expect(alert({ RISHAI_ALERT_SMTP_URL: apiKey, RISHAI_ALERT_EMAIL_TO: 'li@example.cn', RISHAI_ALERT_EMAIL_FROM: 'bot@example.cn' }).email?.from).toBe('bot@example.cn');
  });

  it('wants both the SMTP server and the recipients, and real addresses', () => {
    expect(errors({ RISHAI_ALERT_SMTP_URL: 'smtps://a%40b.cn:pw@smtp.b.cn' })[0]).toMatch(/^RISHAI_ALERT_EMAIL_TO/);
    expect(errors({ RISHAI_ALERT_EMAIL_TO: 'li@example.cn' })[0]).toMatch(/^RISHAI_ALERT_SMTP_URL/);
    expect(errors({ RISHAI_ALERT_SMTP_URL: 'smtps://a%40b.cn:pw@smtp.b.cn', RISHAI_ALERT_EMAIL_TO: '李主任' })[0]).toMatch(/^RISHAI_ALERT_EMAIL_TO: .*李主任/);
  });
});
