import { findPercents, parseChineseNumber, parsePercent, readAmount, readCount, toHalfWidth } from '../../src/core/report/numbers';

describe('toHalfWidth', () => {
  it('maps full-width digits, letters and punctuation, and keeps lengths', () => {
    const typed = '形象进度：３８％（主体）；人数，６４　ＡＢ';
    const half = toHalfWidth(typed);
    expect(half).toBe('形象进度:38%(主体);人数,64 AB');
    expect(half).toHaveLength(typed.length);
  });

  it('leaves Chinese text and 。、【】 alone', () => {
    expect(toHalfWidth('【日报】浇筑完成。钢筋、模板')).toBe('【日报】浇筑完成。钢筋、模板');
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['零', 0],
    ['十二', 12],
    ['八十', 80],
    ['一百二十', 120],
    ['两千', 2000],
    ['三千五百', 3500],
    ['一百零五', 105],
    ['一千零五十', 1050],
    ['十万', 100000],
    ['三千五百万', 35000000],
    ['二〇二六', 2026],
    ['三点五', 3.5],
    ['102', 102],
    ['1万2千', 12000],
    ['1.42亿', 142000000],
    ['１０２', 102],
    ['8,500', 8500],
    ['贰佰', 200],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it('reads the colloquial short forms 三千五 and 一万二', () => {
    expect(parseChineseNumber('三千五')).toBe(3500);
    expect(parseChineseNumber('一百二')).toBe(120);
    expect(parseChineseNumber('一万二')).toBe(12000);
  });

  it.each(['', '万', '待统计', '一二百', '十百', '-5', '3.2.1', '五5', '9'.repeat(400)])('rejects %p', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('readAmount', () => {
  it.each([
    ['3.2亿', 32000],
    ['1.42亿元', 14200],
    ['2.05亿元', 20500],
    ['8,500万元', 8500],
    ['12,800万元', 12800],
    ['三千五百万元', 3500],
    ['600万', 600],
    ['9600万', 9600],
    ['2800万元', 2800],
    ['600', 600],
    ['120000元', 12],
    ['3500000元', 350],
    ['1亿2000万', 12000],
    ['2亿3千万', 23000],
    ['2.5个亿', 25000],
    ['一点五亿', 15000],
    ['约3000万元', 3000],
    ['共计1.2亿元', 12000],
    ['￥1,520 万元', 1520],
    ['１．４２亿元', 14200],
    ['2800 万元', 2800],
    ['2.05 亿元', 20500],
    ['4500（万元）', 4500],
    ['0', 0],
    ['-500万', -500],
  ])('%s → %d 万元', (text, wan) => {
    expect(readAmount(text)?.value).toBe(wan);
  });

  it('takes the label’s unit for a bare figure', () => {
    expect(readAmount('1.42', '亿元')?.value).toBe(14200);
    expect(readAmount('120000', '元')?.value).toBe(12);
    expect(readAmount('14200', '万元')?.value).toBe(14200);
    expect(readAmount('9600万', '亿元')?.value).toBe(9600);
  });

  it('ends where a remark begins', () => {
    const typed = '1.6亿元，占总投资32%';
    expect(readAmount(typed)).toEqual({ value: 16000, end: 5 });
    expect(readAmount('12,800万元（占年度计划56%）')).toEqual({ value: 12800, end: 8 });
  });

  it.each(['待统计', '万元', '', '约几千万', '千万', '占总投资32%'])('finds no amount in %p', (text) => {
    expect(readAmount(text)).toBeNull();
  });
});

describe('readCount', () => {
  it.each([
    ['64人', 64],
    ['八十人', 80],
    ['一百二十人', 120],
    ['7台', 7],
    ['102', 102],
    ['约60人', 60],
    ['０', 0],
    ['100余人', 100],
    ['80多人', 80],
    ['近百人', 100],
    ['两百余人', 200],
    ['十余台', 10],
    ['5台左右', 5],
    ['45 人', 45],
    ['43（人）', 43],
    ['无', 0],
    ['暂无', 0],
    ['3.5人', 3.5],
    ['-3人', -3],
  ])('%s → %d (whole and not negative is checked by the caller)', (text, value) => {
    expect(readCount(text)?.value).toBe(value);
  });

  it('adds up named parts counted in the same unit', () => {
    expect(readCount('管理人员12人，作业人员86人')?.value).toBe(98);
    expect(readCount('挖掘机3台、塔吊2台')?.value).toBe(5);
    expect(readCount('挖掘机3台 塔吊两台，泵车1辆')?.value).toBe(6);
    expect(readCount('管理人员5人；作业人员59人')?.value).toBe(64);
    expect(readCount('一号塔吊1台')?.value).toBe(1);
    expect(readCount('管理人员12人，作业人员86人，共98人')?.value).toBe(98);
  });

  it('keeps a stated total and ends where its remark begins', () => {
    expect(readCount('64人（其中管理人员8人）')).toEqual({ value: 64, end: 3 });
    expect(readCount('共计98人，其中管理人员12人')).toEqual({ value: 98, end: 5 });
    expect(readCount('塔吊2台（1台待检）')).toEqual({ value: 2, end: 4 });
    expect(readCount('45人，挖机3台')).toEqual({ value: 45, end: 3 });
  });

  it.each(['若干', '很多', '两个班组', ''])('finds no count in %p', (text) => {
    expect(readCount(text)).toBeNull();
  });
});

describe('parsePercent', () => {
  it.each([
    ['38%', 38],
    ['38％', 38],
    ['70.5%', 70.5],
    ['百分之七十', 70],
    ['38', 38],
    ['百分之一百一十', 110],
    ['-5%', -5],
  ])('%s → %d (range is checked by the caller)', (text, value) => {
    expect(parsePercent(text)).toBe(value);
  });

  it('rejects text', () => {
    expect(parsePercent('主体施工')).toBeNull();
    expect(parsePercent('%')).toBeNull();
  });
});

describe('findPercents', () => {
  it('finds the first and last percentages and where they stand', () => {
    const one = { value: 38, start: 0, end: 3 };
    expect(findPercents('38%(综合楼主体施工)')).toEqual({ first: one, last: one, count: 1 });
    expect(findPercents('主体完成百分之七十')?.first).toEqual({ value: 70, start: 4, end: 9 });
    expect(findPercents('综合楼 12.5 %')?.first).toEqual({ value: 12.5, start: 4, end: 10 });
    expect(findPercents('从30%提升到38%')).toMatchObject({ first: { value: 30 }, last: { value: 38 }, count: 2 });
    expect(findPercents('主体施工')).toBeNull();
  });
});
