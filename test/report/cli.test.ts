import { runCli, type CliIo } from '../../src/cli/index';
import { blankReport } from '../support/report';

/** The `rishai parse` contract for what this parser adds: notes, corrections, several projects. */

async function parse(stdin: string): Promise<{ code: number; json: unknown }> {
  const out: string[] = [];
  const io: CliIo = { stdin: async () => stdin, out: (s) => out.push(s), err: () => undefined };
  const code = await runCli(['parse', '--at', '2026-11-24T17:05:00+08:00'], io);
  return { code, json: JSON.parse(out[0]!) };
}

const EMPTY_REPORT = blankReport();

describe('rishai parse', () => {
  it('prints a remark after a figure under notes, and a correction, only when there are any', async () => {
    expect(await parse('（更正）#日报 冷链物流基地\n形象进度：22%\n累计完成投资：1.6亿元，占总投资32%')).toEqual({
      code: 0,
      json: {
        kind: 'report',
        report: {
          ...EMPTY_REPORT,
          project: '冷链物流基地',
          progressPercent: 22,
          investmentCumulative: 16000,
          notes: { investmentCumulative: '占总投资32%' },
          correction: true,
        },
      },
    });
    const plain = await parse('#日报 冷链物流基地\n形象进度：22%');
    expect(Object.keys((plain.json as { report: object }).report)).toEqual(Object.keys(EMPTY_REPORT));
  });

  it('prints several projects in order, each saved or with what to fix, and exits 1 when any must be fixed', async () => {
    const text = '#日报 11月23日\n一、城东中学扩建工程\n形象进度：52%\n二、港口物流仓储中心\n形象进度：120%';
    expect(await parse(text)).toEqual({
      code: 1,
      json: {
        kind: 'reports',
        reports: [
          { kind: 'report', report: { ...EMPTY_REPORT, project: '城东中学扩建工程', date: '2026-11-23', progressPercent: 52 } },
          {
            kind: 'invalid',
            project: '港口物流仓储中心',
            errors: [{ field: '形象进度', message: '形象进度应为 0–100 之间的百分比（读到「120%」，示例：38%）' }],
          },
        ],
      },
    });
  });

  it('exits 0 when every project of several is read', async () => {
    const { code, json } = await parse('项目名称\t形象进度\n冷链物流基地\t22%\n文体中心\t78%');
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'reports', reports: [{ kind: 'report' }, { kind: 'report' }] });
  });

  it('reads a message of any length', async () => {
    const long = `#日报 冷链物流基地\n形象进度：22%\n今日进展：${'钢筋绑扎，'.repeat(8000)}`;
    expect(await parse(long)).toMatchObject({ code: 0, json: { kind: 'report', report: { progressPercent: 22 } } });
  });
});
