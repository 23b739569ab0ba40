/** The demo district's people and WeChat groups, matching data/projects.csv. */
export const DEMO_ADMINS = ['李主任'];

export interface DemoGroup {
  topic: string;
  members: string[];
  projects: string[];
  dispatch?: boolean;
}

export const DEMO_GROUPS: DemoGroup[] = [
  { topic: '精细化工中间体项目工作群', members: ['张三', '王区长', '李主任', '施工员老周'], projects: ['精细化工中间体项目'] },
  { topic: '高新区重点项目群', members: ['李四', '孙磊', '刘副区长', '王区长', '李主任'], projects: ['汽车零部件智能制造项目', '生物医药产业园一期'] },
  { topic: '港口物流仓储中心工作群', members: ['赵敏', '陈副区长', '李主任'], projects: ['港口物流仓储中心'] },
  { topic: '全区重点项目调度群', members: ['李主任', '王区长', '刘副区长', '陈副区长'], projects: [], dispatch: true },
  { topic: '未绑定的新群', members: ['吴昊', '李主任'], projects: [] },
];
