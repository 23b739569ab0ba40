import { ALL_UNBOUND, BIND_COMMAND, BIND_USAGE, UNBIND_COMMAND, bound, notBound, unbound } from '../../src/text/bind';

describe('bind texts', () => {
  it('describes #绑定 and #解绑', () => {
    expect(BIND_COMMAND).toMatchSnapshot();
    expect(UNBIND_COMMAND).toMatchSnapshot();
    expect(BIND_USAGE).toMatchSnapshot();
  });

  it('refuses unclear names, one or several', () => {
    expect(notBound([{ kind: 'unknown', typed: '钢铁厂' }])).toMatchSnapshot();
    expect(notBound([{ kind: 'ambiguous', typed: '项目', candidates: ['精细化工中间体项目', '汽车零部件智能制造项目'] }, { kind: 'unknown', typed: '钢铁厂' }])).toMatchSnapshot();
  });

  it('binds one project among several', () => {
    expect(bound(['港口物流仓储中心'], ['精细化工中间体项目', '港口物流仓储中心'])).toMatchSnapshot();
  });

  it('unbinds one, the last, or all', () => {
    expect(unbound('港口物流仓储中心', ['精细化工中间体项目'])).toMatchSnapshot();
    expect(unbound('港口物流仓储中心', [])).toMatchSnapshot();
    expect(ALL_UNBOUND).toMatchSnapshot();
  });
});
