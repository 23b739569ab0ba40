import { parseArgs } from 'node:util';

const USAGE = `用法 / usage: rishai <command> [options]

  parse [--at ISO_TIME]      从标准输入读取一条消息，输出解析结果 JSON
  import FILE                导入/更新项目台账（.csv 或 .xlsx）
  simulate SCENARIO.json     在虚拟时间里运行机器人，逐行输出它发出的每条消息（JSON）
  schedule list|set|pause|resume   查看或修改日程（提醒、催报、日晒榜）
  calendar list|add|remove   查看或补录节假日、调休
  export reports --from D --to D --out F.xlsx   导出日报原始记录（含修改前版本）
  bulletin daily|weekly|monthly [--period P] [--out DIR] [--json]   生成统计通报（bulletin.md；--json 输出数据）
  backup --out DIR           备份数据库（机器人运行时也可以，得到一致的副本）
  restore FILE [--db NEW]    检查备份并恢复到一个新的数据库文件（不覆盖现有数据库）
  admin add NAME|list|remove ID   管理员：生成一次性验证码（本人私聊机器人发送后生效）、列出、取消

  通用选项 / common: --db PATH（默认 data/rishai.db；不存在时只有 import、simulate 会新建，其余命令加 --init 才新建）`;

export interface CliIo {
  stdin: () => Promise<string>;
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: CliIo = {
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

const OPTIONS = {
  db: { type: 'string', default: 'data/rishai.db' },
  at: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  period: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  init: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

/** Runs one CLI command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: OPTIONS,
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  // simulate uses a throwaway database unless one is named.
  const dbGiven = argv.some((a) => a === '--db' || a.startsWith('--db='));
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (values.init) {
    const created = (require('./db') as typeof import('./db.js')).openCliDb(values.db, 'create');
    if (!created.ok) {
      io.err(created.message);
      return 1;
    }
    created.db.close();
  }
  try {
    return await dispatch(command, rest, values, dbGiven, io);
  } catch (err) {
    // A database that turns out read-only, busy or damaged mid-command is the user's to fix, not a bug.
    const message = (require('./db') as typeof import('./db.js')).openFailure(values.db, err);
    if (message === null) throw err;
    io.err(message);
    return 1;
  }
}

/**
 * A command's modules load only when it runs, so `--help` and `parse` start at once and only
 * `simulate` pulls in Wechaty. The type-only import() keeps them typed and loads nothing.
 */
async function dispatch(command: string, rest: string[], values: Values, dbGiven: boolean, io: CliIo): Promise<number> {
  switch (command) {
    case 'parse':
      return (require('./parse') as typeof import('./parse.js')).runParse(values.at, io);
    case 'import':
      return (require('./import') as typeof import('./import.js')).runImport(values.db, rest, io);
    case 'simulate':
      return (require('./simulate') as typeof import('./simulate.js')).runSimulate(dbGiven ? values.db : undefined, rest, io);
    case 'schedule':
      return (require('./schedule') as typeof import('./schedule.js')).runSchedule(values.db, rest, io);
    case 'calendar':
      return (require('./calendar') as typeof import('./calendar.js')).runCalendar(values.db, rest, io);
    case 'export':
      return (require('./export') as typeof import('./export.js')).runExport(values.db, rest, { from: values.from, to: values.to, out: values.out }, io);
    case 'bulletin':
      return (require('./bulletin') as typeof import('./bulletin.js')).runBulletin(values.db, rest, { period: values.period, out: values.out, json: values.json }, io);
    case 'backup':
      return (require('./backup') as typeof import('./backup.js')).runBackup(values.db, values.out, io);
    case 'admin':
      return (require('./admin') as typeof import('./admin.js')).runAdmin(values.db, rest, io);
    case 'restore': {
      const backup = require('./backup') as typeof import('./backup.js');
      return backup.runRestore(dbGiven ? values.db : backup.restoreTarget(rest[0] ?? '', values.db), rest, io);
    }
    default:
      io.err(`未知命令「${command}」。\n\n${USAGE}`);
      return 2;
  }
}

/** Entry point of the `rishai` bin. */
export function main(argv: string[] = process.argv.slice(2)): void {
  runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`${(err as Error).stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
