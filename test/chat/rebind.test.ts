import { planRebind, type KnownGroup } from '../../src/channels/wechaty/rebind';

const chem: KnownGroup = { id: 1, puppetRoomId: 'old-1@chatroom', topic: '化工项目群', memberNames: ['张三', '王区长', '李主任', '老周'] };
const port: KnownGroup = { id: 2, puppetRoomId: 'old-2@chatroom', topic: '港口项目群', memberNames: ['赵敏', '陈副区长', '李主任'] };

describe('planRebind', () => {
  it('keeps groups whose room id still exists', () => {
    const plan = planRebind([chem], [{ puppetRoomId: 'old-1@chatroom', topic: '化工项目群', memberNames: [] }]);
    expect(plan).toEqual({ remap: [], unresolved: [] });
  });

  it('re-binds by topic and member overlap when ids changed', () => {
    const plan = planRebind(
      [chem, port],
      [
        { puppetRoomId: 'new-a@chatroom', topic: '港口项目群', memberNames: ['赵敏', '陈副区长', '李主任', '新人'] },
        { puppetRoomId: 'new-b@chatroom', topic: '化工项目群', memberNames: ['张三', '王区长', '李主任'] },
        { puppetRoomId: 'new-c@chatroom', topic: '化工项目群', memberNames: ['路人'] },
      ],
    );
    expect(plan.unresolved).toEqual([]);
    expect(plan.remap).toEqual([
      { groupId: 1, puppetRoomId: 'new-b@chatroom', topic: '化工项目群' },
      { groupId: 2, puppetRoomId: 'new-a@chatroom', topic: '港口项目群' },
    ]);
  });

  it('follows a renamed group when nearly all members are there', () => {
    const plan = planRebind([chem], [{ puppetRoomId: 'n@chatroom', topic: '化工项目专班', memberNames: chem.memberNames }]);
    expect(plan.remap).toEqual([{ groupId: 1, puppetRoomId: 'n@chatroom', topic: '化工项目专班' }]);
  });

  it('reports, never guesses, when two rooms fit equally or nothing fits', () => {
    const twin = { topic: '化工项目群', memberNames: ['张三', '王区长'] };
    expect(planRebind([chem], [{ puppetRoomId: 'x@chatroom', ...twin }, { puppetRoomId: 'y@chatroom', ...twin }])).toEqual({
      remap: [],
      unresolved: [{ groupId: 1, topic: '化工项目群', reason: '有 2 个同名且成员相近的群，无法确定' }],
    });
    expect(planRebind([chem], [{ puppetRoomId: 'z@chatroom', topic: '别的群', memberNames: ['路人'] }]).unresolved).toHaveLength(1);
  });

  it('never merges two of our groups into one room', () => {
    const copy: KnownGroup = { ...chem, id: 3, puppetRoomId: 'old-3@chatroom' };
    const plan = planRebind([chem, copy], [{ puppetRoomId: 'n@chatroom', topic: '化工项目群', memberNames: chem.memberNames }]);
    expect(plan.remap).toEqual([]);
    expect(plan.unresolved.map((u) => u.groupId)).toEqual([1, 3]);
  });
});
