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
  /** Longest text taken, in characters (README lists them); enough for any real entry, and keeps the chat bot's name matching quick. */
  maxLength: number;
  /** Whether line breaks and tabs may stay, as in a cell typed over several lines; names never, the bot matches them. */
  multiline: boolean;
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

/** Text columns: a unit, a person or two, a town. */
const TEXT = 100;
/** Amounts, dates, status and 入库: far more than any form they accept. */
const VALUE = 30;

const MONEY_NOTE = '万元；可写 50000、50,000、5亿、5亿元、8500万元';
const DATE_NOTE = 'YYYY-MM-DD；也可写 2026/3/1、2026.3.1、2026年3月1日或 Excel 日期';

export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  { key: 'name', header: '项目名称', required: true, note: '必填，文件内不得重复', maxLength: 100, multiline: false },
  { key: 'aliases', header: '简称', required: false, note: '多个简称用 、 或 ， 或 , 分隔；不得与其他项目的名称或简称相同', maxLength: 200, multiline: false },
  { key: 'category', header: '类别', required: false, note: '省重大项目/省优选项目/市重点/区重点或其他', maxLength: TEXT, multiline: true },
  { key: 'chain', header: '产业链', required: false, note: '', maxLength: TEXT, multiline: true },
  { key: 'town', header: '镇街', required: false, note: '', maxLength: TEXT, multiline: true },
  { key: 'unit', header: '责任单位', required: false, note: '', maxLength: TEXT, multiline: true },
  { key: 'leader', header: '帮包领导', required: false, note: '', maxLength: TEXT, multiline: true },
  { key: 'liaison', header: '联络员', required: false, note: '', maxLength: TEXT, multiline: true },
  { key: 'totalInvestment', header: '总投资', required: false, note: MONEY_NOTE, maxLength: VALUE, multiline: false },
  { key: 'annualPlan', header: '年度计划投资', required: false, note: MONEY_NOTE, maxLength: VALUE, multiline: false },
  { key: 'plannedStart', header: '计划开工', required: false, note: DATE_NOTE, maxLength: VALUE, multiline: false },
  { key: 'plannedFinish', header: '计划竣工', required: false, note: `${DATE_NOTE}；不得早于计划开工`, maxLength: VALUE, multiline: false },
  { key: 'status', header: '状态', required: true, note: `必填，${PROJECT_STATUSES.join('/')}`, maxLength: VALUE, multiline: false },
  { key: 'registered', header: '入库', required: false, note: '是/否（也可写 Y/N、1/0、true/false），空为否', maxLength: VALUE, multiline: false },
];

export function columnOf(key: RegistryKey): RegistryColumn {
  const column = REGISTRY_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown registry column ${key}`);
  return column;
}
