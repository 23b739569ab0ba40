import { cronFor, describeCron } from '../../src/schedule/admin';

describe('schedule times as admins type them', () => {
  it('reads daily, weekly and monthly times, and writes them back the same way', () => {
    expect(cronFor('daily', '16:30')).toBe('30 16 * * *');
    expect(cronFor('daily', '8：05')).toBe('5 8 * * *');
    expect(cronFor('weekly', '周一 9:00')).toBe('0 9 * * 1');
    expect(cronFor('weekly', '星期日 20:00')).toBe('0 20 * * 0');
    expect(cronFor('monthly', '每月1日 9:00')).toBe('0 9 1 * *');
    expect(cronFor('monthly', '15号 8:30')).toBe('30 8 15 * *');
    for (const c of ['30 16 * * *', '0 9 * * 1', '0 20 * * 0', '0 9 1 * *']) {
      expect(describeCron(c)).toMatch(/^(周.|每月\d+日 )?\s?\d\d:\d\d$/);
    }
    expect(describeCron('0 9 * * 1')).toBe('周一 09:00');
    expect(describeCron('0 9 1 * *')).toBe('每月1日 09:00');
  });

  it('refuses what does not fit the job', () => {
    expect(cronFor('daily', '周一 9:00')).toBeNull();
    expect(cronFor('weekly', '9:00')).toBeNull();
    expect(cronFor('monthly', '29日 9:00')).toBeNull();
    expect(cronFor('daily', '25:00')).toBeNull();
  });
});
