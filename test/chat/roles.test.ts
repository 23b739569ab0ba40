import { openDb, type Db } from '../../src/store/db';
import { createStores, type Stores } from '../../src/store/stores';
import { leaderIdsOf, leadersByProject } from '../../src/features/roles';

describe('leadersByProject', () => {
  let db: Db;
  let s: Stores;
  const now = new Date('2026-11-02T09:00:00+08:00');
  beforeEach(() => {
    db = openDb(':memory:');
    s = createStores(db);
  });
  afterEach(() => db.close());

  it('finds for every project the leaders leaderIdsOf finds, named or by nickname in its groups', () => {
    const base = { aliases: [], category: null, chain: null, town: null, unit: null, liaison: null, totalInvestment: null, annualPlan: null, plannedStart: null, plannedFinish: null, status: '在建' as const, registered: true };
    s.projects.upsert(
      [
        { ...base, name: '甲项目', leader: '王区长' }, // named with #设置 领导: the registry's name does not count
        { ...base, name: '乙项目', leader: '王区长' }, // found by nickname among its group's members
        { ...base, name: '丙项目', leader: '李主任' }, // nobody of that nickname in the group
        { ...base, name: '丁项目', leader: null },
        { ...base, name: '戊项目', leader: '王区长' }, // named, but in no group
      ],
      now,
    );
    const [a, b, c, d, e] = s.projects.list();
    const wang = s.people.see('wx-wang', '王区长', now);
    const zhao = s.people.see('wx-zhao', '赵书记', now);
    const group = s.groups.ensure('room-1', '项目工作群', now);
    s.groups.noteMember(group.id, wang.id);
    s.groups.noteMember(group.id, zhao.id);
    for (const p of [a!, b!, c!, d!]) s.groups.bindProject(group.id, p.id, null, now);
    s.people.assignRole(a!.id, 'leader', [zhao.id], null, now);
    s.people.assignRole(e!.id, 'leader', [zhao.id], null, now);

    const projects = s.projects.list();
    const found = leadersByProject(s, projects, s.groups.boundSince());
    expect(new Map([...found].map(([id, people]) => [id, people.map((p) => p.name)]))).toEqual(
      new Map([
        [a!.id, ['赵书记']],
        [b!.id, ['王区长']],
        [c!.id, []],
        [d!.id, []],
        [e!.id, []],
      ]),
    );
    for (const p of projects) expect(found.get(p.id)!.map((x) => x.id)).toEqual(leaderIdsOf(s, p));
  });
});
