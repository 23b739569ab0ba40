import { NO_MATCHING_ROOM, ambiguousRooms, sharedRoom, unresolvedGroupNotice } from '../../src/text/relogin';

describe('relogin texts', () => {
  it('says why a group was not matched to a room', () => {
    expect(ambiguousRooms(2)).toMatchSnapshot();
    expect(NO_MATCHING_ROOM).toMatchSnapshot();
    expect(sharedRoom('化工项目群')).toMatchSnapshot();
  });

  it('tells the admins of a group left unresolved', () => {
    expect(unresolvedGroupNotice('化工项目群', ambiguousRooms(2))).toMatchSnapshot();
  });
});
