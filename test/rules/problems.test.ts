import {
  DEFAULT_LADDER,
  distinctProblems,
  ladderStep,
  matchProblems,
  normalizeProblem,
  sameProblem,
  similarity,
} from '../../src/core/rules/problems';

describe('problem matching', () => {
  it('normalizes away numbering, punctuation, spaces, width and case', () => {
    expect(normalizeProblem('1、高压线迁改需供电部门配合。')).toBe('高压线迁改需供电部门配合');
    expect(normalizeProblem('（2）部分苗木补偿 未谈妥；')).toBe('部分苗木补偿未谈妥');
    expect(normalizeProblem('③ＰＣ构件供货滞后')).toBe('pc构件供货滞后');
    expect(normalizeProblem('二、“三通一平”未完成')).toBe('三通一平未完成');
    // A number that belongs to the text stays.
    expect(normalizeProblem('1.5公里管网未接通')).toBe('15公里管网未接通');
    expect(normalizeProblem('3号楼基坑降水影响周边')).toBe('3号楼基坑降水影响周边');
  });

  it('treats a copied problem with small edits as the same, and different problems as different', () => {
    expect(sameProblem('1、高压线迁改需供电部门配合', '高压线迁改需供电部门配合。')).toBe(true);
    expect(sameProblem('高压线迁改需供电部门协调配合', '高压线迁改需供电部门配合')).toBe(true);
    expect(sameProblem('部分苗木补偿未谈妥', '部分苗木补偿仍未谈妥')).toBe(true);
    expect(sameProblem('高压线迁改需供电部门配合', '燃气管道迁改需燃气公司配合')).toBe(false);
    expect(sameProblem('临时用电未接入', '临时用水未接入')).toBe(false);
    expect(similarity('', '')).toBe(0);
    expect(similarity('征迁', '征迁')).toBe(1);
  });

  it('keeps one copy of a problem repeated in the same report, and drops blanks', () => {
    expect(distinctProblems(['高压线迁改未完成', '高压线迁改未完成。', '——', '苗木补偿'])).toEqual(['高压线迁改未完成', '苗木补偿']);
  });

  it('matches each problem to at most one open item, the most alike first', () => {
    const open = [
      { id: 7, text: '高压线迁改需供电部门配合' },
      { id: 9, text: '部分苗木补偿未谈妥' },
    ];
    expect(matchProblems(['部分苗木补偿仍未谈妥', '环评批复未下达', '1、高压线迁改需供电部门配合'], open)).toEqual([9, null, 7]);
    // Two problems alike to one item: the closer one continues it, the other is new.
    expect(matchProblems(['高压线迁改需供电部门协调配合', '高压线迁改需供电部门配合'], open)).toEqual([null, 7]);
    expect(matchProblems(['高压线迁改需供电部门配合'], [])).toEqual([null]);
  });
});

describe('the escalation ladder', () => {
  const raised = { firstDate: '2026-11-10' };

  it('climbs by calendar days since the problem was first raised', () => {
    expect(ladderStep(raised, '2026-11-10')).toEqual({ level: 0, days: 0, addressee: null });
    expect(ladderStep(raised, '2026-11-12')).toEqual({ level: 0, days: 2, addressee: null });
    expect(ladderStep(raised, '2026-11-13')).toEqual({ level: 1, days: 3, addressee: 'unit' });
    expect(ladderStep(raised, '2026-11-17')).toEqual({ level: 2, days: 7, addressee: 'leader' });
    expect(ladderStep(raised, '2026-11-24')).toEqual({ level: 3, days: 14, addressee: 'dispatch' });
    expect(ladderStep(raised, '2026-12-10')).toEqual({ level: 4, days: 30, addressee: 'principals' });
    expect(ladderStep(raised, '2027-03-01').level).toBe(4);
  });

  it('takes other thresholds', () => {
    const quick = { ...DEFAULT_LADDER, unit: 1, leader: 2 };
    expect(ladderStep(raised, '2026-11-11', quick)).toMatchObject({ level: 1, addressee: 'unit' });
    expect(ladderStep(raised, '2026-11-13', quick)).toMatchObject({ level: 2, addressee: 'leader' });
  });
});
