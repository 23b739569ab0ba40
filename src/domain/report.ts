/** A daily progress report as the parser understands it. Money in 万元, date `YYYY-MM-DD`. */
export interface Report {
  project: string | null;
  date: string;
  progressPercent: number | null;
  progressText: string | null;
  todayWork: string | null;
  workers: number | null;
  machines: number | null;
  investmentCumulative: number | null;
  investmentMonth: number | null;
  problems: string[];
  nextPlan: string | null;
  /** Remarks typed after a field's figure (`1.6亿元，占总投资32%` → 占总投资32%), by field; absent when none. */
  notes?: Partial<Record<ReportKey, string>>;
  /** Marked 更正 by its writer: it corrects that day's report. Absent when not. */
  correction?: true;
}

export type ReportKey = Exclude<keyof Report, 'notes' | 'correction'>;

/** Canonical Chinese label of each field: what the bot and the CLI name in errors. */
export const FIELD_LABELS: Record<ReportKey, string> = {
  project: '项目名称',
  date: '日期',
  progressPercent: '形象进度',
  progressText: '形象进度',
  todayWork: '今日进展',
  workers: '施工人数',
  machines: '机械设备',
  investmentCumulative: '累计完成投资',
  investmentMonth: '本月完成投资',
  problems: '存在问题',
  nextPlan: '明日计划',
};

export interface FieldError {
  key: ReportKey;
  /** Canonical Chinese label, e.g. 形象进度. */
  field: string;
  /** Short Chinese explanation of what is wrong. */
  message: string;
  /** What the parser read for the field, as typed. */
  got: string;
  /** A valid value for the field, e.g. `38%`. */
  example: string;
}

/** One project's part of a message that reports on several (a 镇街 liaison's combined report). */
export type ProjectResult =
  | { kind: 'report'; report: Report }
  /** `project` is the name as written in the message. */
  | { kind: 'invalid'; project: string; errors: FieldError[] };

export type ParseResult =
  | { kind: 'report'; report: Report }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'ignored' }
  /** Several projects in one message, each read and checked on its own, in the order written. */
  | { kind: 'reports'; reports: ProjectResult[] };

/** One version of a project's report for a day, as stored (the typed project name resolved to `projectId`). */
export interface StoredReport extends Omit<Report, 'project'> {
  id: number;
  projectId: number;
  revision: number;
  messageId: number;
  personId: number | null;
  flags: string[];
  createdAt: string;
  /** A submission kept beside the day's current report until the liaison confirms it. Absent when not. */
  pending?: true;
}

/** A current report's figures, for the statistics. */
export interface ReportFigures {
  projectId: number;
  date: string;
  progressPercent: number | null;
  investmentCumulative: number | null;
  investmentMonth: number | null;
}
