/** What a label fills; `progress` carries both progressPercent and progressText. */
export type Slot =
  | 'project'
  | 'date'
  | 'progress'
  | 'todayWork'
  | 'workers'
  | 'machines'
  | 'investmentCumulative'
  | 'investmentMonth'
  | 'problems'
  | 'nextPlan';

/** Also the order errors are listed in: the order of the office template. */
export const SLOTS: readonly Slot[] = [
  'project',
  'date',
  'progress',
  'todayWork',
  'workers',
  'machines',
  'investmentCumulative',
  'investmentMonth',
  'problems',
  'nextPlan',
];

/** Every label a field may be written under (the README lists them); the scanner finds them with a trie. */
export const LABELS: Readonly<Record<Slot, readonly string[]>> = {
  project: ['项目名称', '项目', '工程名称'],
  date: ['日期', '填报日期', '报送日期'],
  progress: ['形象进度', '工程进度', '进度', '工程形象进度', '项目进度', '总体进度', '形象进度完成', '进度情况'],
  todayWork: [
    '今日进展', '当日进展', '当日完成', '今日完成', '工作进展', '今日工作', '今日完成情况', '当日完成情况',
    '施工内容', '工作内容', '进展情况', '施工进展', '项目进展', '施工情况',
  ],
  workers: ['施工人数', '在岗人数', '作业人数', '人数', '施工人员', '现场人员', '在场人数', '用工人数', '投入人员', '人员'],
  machines: ['机械设备', '机械', '设备', '投入机械', '施工机械', '机械投入', '设备投入', '机械台数'],
  investmentCumulative: [
    '累计完成投资', '累计投资', '累计完成', '累计完成投资额', '开累投资', '开累完成投资', '开累完成', '已完成投资', '完成投资',
    '投资完成情况', '累计',
  ],
  investmentMonth: ['本月完成投资', '本月投资', '本月完成', '当月完成投资', '当月投资', '本月完成投资额', '月度完成投资', '本月'],
  problems: [
    '存在问题', '困难问题', '需协调事项', '问题', '存在问题及需协调事项', '存在问题及需协调解决事项', '需协调解决的问题',
    '需协调解决事项', '需协调问题', '协调事项', '存在困难', '困难和问题', '存在的问题', '主要问题', '存在问题和困难',
    '存在困难和问题', '问题及建议',
  ],
  nextPlan: [
    '明日计划', '明天计划', '下步计划', '下一步计划', '下步工作计划', '下一步工作计划', '明日工作计划', '明日工作安排',
    '明日安排', '下步打算', '下阶段计划', '后续计划',
  ],
};

/**
 * Labels of what a report may state but the office does not keep from it: sign-offs, the parties, a
 * day's own investment, the total and the plan. They end the field above them instead of running on
 * into it, and 今日完成投资 is not read as 今日完成 nor 总投资 as anything.
 */
export const OTHER_LABELS: readonly string[] = [
  '填报人', '报送人', '填报单位', '报送单位', '联系人', '联系电话', '电话', '审核人', '负责人', '记录人', '天气', '气温',
  '建设单位', '施工单位', '监理单位', '设计单位', '建设内容', '建设规模', '建设地点', '总投资', '计划总投资', '年度计划投资',
  '年度投资计划', '今日完成投资', '当日完成投资', '本日完成投资', '开工日期', '开工时间', '竣工日期', '计划开工', '计划竣工', '备注',
];

/** Words put before a label without changing it: 今日施工人数, 现场施工人员, 今天形象进度. */
export const LABEL_PREFIXES: readonly string[] = ['今日', '今天', '当日', '本日', '现场', '投入'];
