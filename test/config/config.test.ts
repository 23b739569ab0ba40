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
});
