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

/** Every label a field may be written under (the README lists them). */
export const LABELS: Readonly<Record<Slot, readonly string[]>> = {
  project: ['项目名称', '项目'],
  date: ['日期', '填报日期'],
  progress: ['形象进度', '工程进度', '进度'],
  todayWork: ['今日进展', '当日进展', '当日完成', '今日完成', '工作进展', '今日工作'],
  workers: ['施工人数', '在岗人数', '作业人数', '人数'],
  machines: ['机械设备', '机械', '设备'],
  investmentCumulative: ['累计完成投资', '累计投资'],
  investmentMonth: ['本月完成投资', '本月投资'],
  problems: ['存在问题', '困难问题', '需协调事项', '问题'],
  nextPlan: ['明日计划', '明天计划', '下步计划', '下一步计划'],
};

/** Sign-off labels: they end the field above them instead of running on into it. */
const META = ['填报人', '报送人', '填报单位', '报送单位', '联系人', '联系电话', '电话', '审核人', '负责人', '记录人', '天气', '气温'];

/** A trie node over UTF-16 code units; `slot` is set where a label ends. */
interface Node {
  next: Map<number, Node>;
  slot: Slot | 'meta' | null;
}

const ROOT: Node = { next: new Map(), slot: null };

function add(word: string, slot: Slot | 'meta'): void {
  let node = ROOT;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = { next: new Map(), slot: null };
      node.next.set(c, child);
    }
    node = child;
  }
  node.slot = slot;
}

for (const slot of SLOTS) for (const label of LABELS[slot]) add(label, slot);
for (const word of META) add(word, 'meta');

export interface LabelWord {
  slot: Slot | 'meta';
  end: number;
}

/** The longest label starting at `at` (施工人数 before 人数), in time bounded by the longest label. */
export function labelWordAt(s: string, at: number, end: number): LabelWord | null {
  let node = ROOT;
  let found: LabelWord | null = null;
  for (let i = at; i < end; i++) {
    const child = node.next.get(s.charCodeAt(i));
    if (!child) break;
    node = child;
    if (node.slot !== null) found = { slot: node.slot, end: i + 1 };
  }
  return found;
}

/** Whether a label can start with this code unit: most characters of a message are ruled out at once. */
export function mayStartLabel(c: number): boolean {
  return ROOT.next.has(c);
}
