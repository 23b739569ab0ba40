import { PROJECT_STATUSES } from '../../domain/project';

/** Columns of the project registry (项目台账) file, in the order offices usually write them. */

export interface RegistryColumn {
  /** English key, also accepted as the header. */
  key: RegistryKey;
  /** Chinese header as offices write it; also the column's name in error messages. */
  header: string;
  required: boolean;
  /** What the column holds and which forms are accepted, for docs. */
  note: string;
}

export type RegistryKey =
  | 'name'
  | 'aliases'
  | 'category'
  | 'chain'
  | 'town'
  | 'unit'
  | 'leader'
  | 'liaison'
  | 'totalInvestment'
  | 'annualPlan'
  | 'plannedStart'
  | 'plannedFinish'
  | 'status'
  | 'registered';

const MONEY_NOTE = '万元；可写 50000、50,000、5亿、5亿元、8500万元';
const DATE_NOTE = 'YYYY-MM-DD；也可写 2026/3/1、2026.3.1、2026年3月1日或 Excel 日期';

export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  { key: 'name', header: '项目名称', required: true, note: '必填，文件内不得重复' },
  { key: 'aliases', header: '简称', required: false, note: '多个简称用 、 或 ， 或 , 分隔；不得与其他项目的名称或简称相同' },
  { key: 'category', header: '类别', required: false, note: '省重大项目/省优选项目/市重点/区重点或其他' },
  { key: 'chain', header: '产业链', required: false, note: '' },
  { key: 'town', header: '镇街', required: false, note: '' },
  { key: 'unit', header: '责任单位', required: false, note: '' },
  { key: 'leader', header: '帮包领导', required: false, note: '' },
  { key: 'liaison', header: '联络员', required: false, note: '' },
  { key: 'totalInvestment', header: '总投资', required: false, note: MONEY_NOTE },
  { key: 'annualPlan', header: '年度计划投资', required: false, note: MONEY_NOTE },
  { key: 'plannedStart', header: '计划开工', required: false, note: DATE_NOTE },
  { key: 'plannedFinish', header: '计划竣工', required: false, note: `${DATE_NOTE}；不得早于计划开工` },
  { key: 'status', header: '状态', required: true, note: `必填，${PROJECT_STATUSES.join('/')}` },
  { key: 'registered', header: '入库', required: false, note: '是/否（也可写 Y/N、1/0、true/false），空为否' },
];

export function columnOf(key: RegistryKey): RegistryColumn {
  const column = REGISTRY_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown registry column ${key}`);
  return column;
}
