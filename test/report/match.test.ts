import { matchProject } from '../../src/core/report/match';

const projects = [
  { id: 1, name: '精细化工中间体项目', aliases: ['化工中间体', '精细化工'] },
  { id: 2, name: '汽车零部件智能制造项目', aliases: ['汽车零部件'] },
  { id: 3, name: '港口物流仓储中心', aliases: [] },
  { id: 4, name: '生物医药产业园一期', aliases: ['生物医药产业园'] },
  { id: 5, name: '生物医药产业园二期', aliases: [] },
];

const id = (typed: string) => {
  const r = matchProject(typed, projects);
  return r.kind === 'match' ? r.project.id : r.kind;
};

describe('matchProject', () => {
  it('matches the full name, ignoring spacing, punctuation and width', () => {
    expect(id('精细化工中间体项目')).toBe(1);
    expect(id(' 精细化工 中间体项目 ')).toBe(1);
    expect(id('港口物流仓储中心（一期）')).toBe(3);
  });

  it('matches an alias and a name without its 项目 suffix', () => {
    expect(id('汽车零部件')).toBe(2);
    expect(id('精细化工中间体')).toBe(1);
  });

  it('tolerates a small typo', () => {
    expect(id('汽车零部建智能制造项目')).toBe(2);
    expect(id('港口物流仓储中芯')).toBe(3);
  });

  it('refuses to guess between two equally good candidates', () => {
    const r = matchProject('生物医药产业园', projects);
    // the alias is exact for phase one, so that wins over a merely similar phase two
    expect(r).toMatchObject({ kind: 'match', project: { id: 4 } });
    expect(matchProject('生物医药', projects).kind).toBe('ambiguous');
  });

  it('finds nothing for an unrelated name or an empty one', () => {
    expect(id('新能源电池项目')).toBe('none');
    expect(id('  ')).toBe('none');
  });
});
