import { createLogger, RepeatGate } from '../../src/log/log';

describe('logging', () => {
  it('writes one JSON line per event at or above the level', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.debug('noise');
    log.info('login', { user: '日晒助手' });
    log.error('handler.error', { messageId: 'm1', error: new Error('boom') });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', event: 'login', user: '日晒助手' });
    expect(JSON.parse(lines[1]!).error).toContain('boom');
  });

  it('lets a repeated message through once per window and counts the rest', () => {
    let t = 0;
    const gate = new RepeatGate(60_000, () => t);
    expect(gate.pass('ENOTFOUND')).toBe(0);
    expect(gate.pass('ENOTFOUND')).toBeNull();
    expect(gate.pass('other')).toBe(0);
    expect(gate.pass('ENOTFOUND')).toBeNull();
    t = 60_000;
    expect(gate.pass('ENOTFOUND')).toBe(2);
  });
});
