import {
  findPercent,
  parseAmountWan,
  parseChineseNumber,
  parseCount,
  parsePercent,
  sumCounts,
  toHalfWidth,
} from '../../src/core/report/numbers';

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

describe('parseAmountWan', () => {
  it.each([
    ['3.2亿', 32000],
    ['1.42亿元', 14200],
    ['2.05亿元', 20500],
    ['8,500万元', 8500],
    ['三千五百万元', 3500],
    ['600万', 600],
    ['9600万', 9600],
    ['2800万元', 2800],
    ['600', 600],
    ['120000元', 12],
    ['1亿2000万', 12000],
    ['约3000万元', 3000],
    ['１．４２亿元', 14200],
    ['2800 万元', 2800],
    ['0', 0],
  ])('%s → %d 万元', (text, wan) => {
    expect(parseAmountWan(text)).toBe(wan);
  });

  it.each(['待统计', '万元', '', '-500万', '1.42亿元（含设备）'])('rejects %p', (text) => {
    expect(parseAmountWan(text)).toBeNull();
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

describe('findPercent', () => {
  it('finds the first percentage and where it stands', () => {
    expect(findPercent('38%(综合楼主体施工)')).toEqual({ value: 38, start: 0, end: 3 });
    expect(findPercent('主体完成百分之七十')).toEqual({ value: 70, start: 4, end: 9 });
    expect(findPercent('综合楼 12.5 %')).toEqual({ value: 12.5, start: 4, end: 10 });
    expect(findPercent('主体施工')).toBeNull();
  });
});

describe('parseCount', () => {
  it.each([
    ['64人', 64],
    ['八十人', 80],
    ['一百二十人', 120],
    ['7台', 7],
    ['102', 102],
    ['约60人', 60],
    ['０', 0],
  ])('%s → %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it.each(['-3', '3.5人', '若干', '挖掘机3台', ''])('rejects %p', (text) => {
    expect(parseCount(text)).toBeNull();
  });
});

describe('sumCounts', () => {
  it('adds up itemised counts', () => {
    expect(sumCounts('挖掘机3台、塔吊2台')).toBe(5);
    expect(sumCounts('挖掘机3台 塔吊两台，泵车1辆')).toBe(6);
    expect(sumCounts('管理人员5人；作业人员59人')).toBe(64);
    expect(sumCounts('一号塔吊1台')).toBe(1);
  });

  it('refuses anything but names between the items', () => {
    expect(sumCounts('塔吊2台（1台待检）')).toBeNull();
    expect(sumCounts('两个班组')).toBeNull();
    expect(sumCounts('若干')).toBeNull();
    expect(sumCounts('')).toBeNull();
  });
});
