import ExcelJS from 'exceljs';
import type { CliIo } from './index';
import { withCliDb } from './db';
import { createStores } from '../store/stores';
import { isIsoDate } from '../core/calendar';
import { sheetValue } from '../render/cells';

const USAGE = '用法：rishai export reports --from 2026-11-01 --to 2026-11-30 --out 日报.xlsx';

const COLUMNS: { header: string; width: number; numFmt?: string }[] = [
  { header: '项目名称', width: 26 },
  { header: '日期', width: 12 },
  { header: '版本', width: 6 },
  { header: '当前版本', width: 8 },
  { header: '形象进度(%)', width: 11, numFmt: '0.0' },
  { header: '进度说明', width: 18 },
  { header: '今日进展', width: 30 },
  { header: '施工人数', width: 9 },
  { header: '机械设备', width: 9 },
  { header: '累计完成投资(万元)', width: 16, numFmt: '0.00' },
  { header: '本月完成投资(万元)', width: 16, numFmt: '0.00' },
  { header: '存在问题', width: 36 },
  { header: '明日计划', width: 24 },
  { header: '报送人', width: 10 },
  { header: '报送时间', width: 20 },
  { header: '提示', width: 30 },
];

/** `rishai export reports`: raw daily reports with every revision, as an .xlsx for the office. */
export async function runExport(dbFile: string, args: string[], opts: { from?: string; to?: string; out?: string }, io: CliIo): Promise<number> {
  if (args[0] !== 'reports' || !opts.from || !opts.to || !opts.out) {
    io.err(USAGE);
    return 2;
  }
  for (const [flag, date] of [['--from', opts.from], ['--to', opts.to]] as const) {
    if (!isIsoDate(date)) {
      io.err(`${flag} 的日期「${date}」无效，应为存在的日期 YYYY-MM-DD，例如 2026-11-01。`);
      return 2;
    }
  }
  const { from, to, out } = opts;
  if (from > to) {
    io.err(`--from ${from} 晚于 --to ${to}，没有可导出的日期。`);
    return 2;
  }
  return withCliDb(dbFile, 'read', io, async (db) => {
    const s = createStores(db);
    const names = new Map(s.projects.list().map((p) => [p.id, p.name]));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('日报', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    sheet.getRow(1).font = { bold: true };
    const versions = s.reports.versionsBetween(from, to);
    const latest = new Map<string, number>();
    for (const r of versions) latest.set(`${r.projectId}:${r.date}`, Math.max(latest.get(`${r.projectId}:${r.date}`) ?? 0, r.revision));
    for (const r of versions) {
      const row = [
        names.get(r.projectId) ?? `#${r.projectId}`,
        r.date,
        r.revision,
        latest.get(`${r.projectId}:${r.date}`) === r.revision ? '是' : '否',
        r.progressPercent,
        r.progressText,
        r.todayWork,
        r.workers,
        r.machines,
        r.investmentCumulative,
        r.investmentMonth,
        r.problems.join('；'),
        r.nextPlan,
        r.personId !== null ? (s.people.get(r.personId)?.name ?? '') : '',
        r.createdAt.replace('T', ' ').slice(0, 19),
        r.flags.join('；'),
      ];
      sheet.addRow(row.map(sheetValue));
    }
    await book.xlsx.writeFile(out);
    io.out(`已导出 ${versions.length} 条日报（含历史版本）到 ${out}`);
    return 0;
  });
}
