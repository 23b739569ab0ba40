import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { systemClock } from '../time/clock';
import { createLogger, silentLogger } from '../log/log';
import { openDb } from '../store/db';
import { createApp, type App } from '../app';
import { ProjectStore } from '../store/projects';
import { importRegistry } from '../features/registry/import';
import { MockWorld } from './world';
import { DEMO_ADMINS, DEMO_GROUPS } from './demo';
import { LiveCalendar } from '../features/calendar';
import { JOBS, jobByLabel } from '../schedule/jobs';
import { CalendarStore } from '../store/calendar';

const DIR = path.join('data', 'sandbox');
const HELP = `沙盒指令：
  /who              群成员与角色
  /as 名字          切换发言人（例：/as 张三）
  /group 群名或序号  切换所在群；/groups 列出所有群
  /private          私聊机器人（/group 回到群聊）
  /run 日程名       立即运行一项日程（例：/run 日晒榜、/run 提醒、/run 预警），不必等到点
  /help             本帮助；/quit 退出
其余输入按当前发言人发到当前群。多行日报可直接粘贴，或用 """ 开始和结束一段。`;

/** `npm run sandbox`: the real bot on a simulated WeChat, with a database of its own. */
async function main(): Promise<void> {
  fs.rmSync(DIR, { recursive: true, force: true });
  const db = openDb(path.join(DIR, 'rishai.db'));
  const imported = await importRegistry(new ProjectStore(db), path.join('data', 'projects.csv'), systemClock.now());
  if (!imported.ok) throw new Error(`demo registry is invalid: ${imported.errors.map((e) => e.message).join('; ')}`);

  const world = new MockWorld(systemClock);
  const log = process.env.RISHAI_LOG_LEVEL ? createLogger('debug') : silentLogger;
  const app = createApp({
    db,
    wechaty: world.wechaty,
    clock: systemClock,
    log,
    settings: { admins: DEMO_ADMINS, staleSeconds: 120, photoWindowMinutes: 30, mediaDir: path.join(DIR, 'media') },
    // The simulated WeChat has no risk control, so answers come at once.
    send: { gapMs: 0, jitterMs: 0, perMinute: 10_000 },
    calendar: new LiveCalendar(new CalendarStore(db), systemClock),
  });
  await world.start();
  seed(app, world);
  app.scheduler.start();

  const state = { speaker: DEMO_GROUPS[0]!.members[0]!, group: DEMO_GROUPS[0]!.topic as string | null };
  const print = (s: string) => process.stdout.write(s + '\n');
  print(`日晒沙盒：模拟微信，数据库 ${path.join(DIR, 'rishai.db')}（每次启动重置）。输入 /help 查看沙盒指令，#帮助 查看机器人指令。`);
  print(listGroups(world));

  const printSince = (before: number) => {
    for (const s of world.sent.slice(before)) {
      const where = s.room ? `[${s.room}]` : `[私聊 ${s.to}]`;
      const at = s.mentions.length ? ` @${s.mentions.join(' @')}` : '';
      print(`🤖 ${where}${at}\n${s.file !== undefined ? `[文件] ${s.file}（已保存在 ${path.join(DIR, 'bulletins')} 下）` : s.text}\n`);
    }
  };
  const send = async (text: string) => {
    const before = world.sent.length;
    const id = world.say(state.speaker, state.group, text);
    await app.inbound.handled(id);
    await app.sender.drain();
    printSince(before);
  };
  const run = async (label: string) => {
    const job = jobByLabel(label);
    if (!job) return print(`没有「${label}」这项日程。可运行：${JOBS.map((j) => j.label).join('、')}`);
    const before = world.sent.length;
    await app.scheduler.runNow(job.name);
    await app.sender.drain();
    if (world.sent.length === before) {
      // The sandbox starts empty each time, so last week and last month have nothing to report on.
      const hint = job.cadence === 'daily' ? '' : '沙盒每次启动从零开始，上一周期多半没有日报可统计；按日程推进时间的演练见 npx rishai simulate（场景在 data/scenarios/）。';
      print(`${job.label}运行完毕，没有要发的消息。${hint}`);
    }
    printSince(before);
  };

  const command = async (line: string): Promise<boolean> => {
    const [cmd, ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ');
    switch (cmd) {
      case 'quit':
      case 'exit':
        return false;
      case 'help':
        print(HELP);
        break;
      case 'who':
        print(whoIsWho(app, world, state.group));
        break;
      case 'groups':
        print(listGroups(world));
        break;
      case 'as':
        if (!arg) print('请写名字，例如 /as 张三');
        else {
          state.speaker = arg;
          print(`现在以「${arg}」发言。`);
        }
        break;
      case 'group': {
        const topics = world.roomTopics();
        const topic = /^\d+$/.test(arg) ? topics[Number(arg) - 1] : topics.find((t) => t === arg || t.includes(arg));
        if (!topic) print(`没有这个群。${listGroups(world)}`);
        else {
          state.group = topic;
          print(`已切换到「${topic}」。`);
        }
        break;
      }
      case 'run':
        await run(arg);
        break;
      case 'private':
        state.group = null;
        print('现在私聊机器人。');
        break;
      default:
        print(`未知沙盒指令 /${cmd}。${HELP}`);
    }
    return true;
  };

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const prompt = () => {
    rl.setPrompt(`${state.speaker}@${state.group ?? '私聊'} > `);
    rl.prompt();
  };
  // Pasted multi-line text arrives in a terminal as several lines at once: gather them into one
  // message. Piped input has no such cue, so there each line is a message unless inside """ … """.
  const tty = Boolean(process.stdin.isTTY);
  let buffer: string[] = [];
  let block = false;
  let timer: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();
  let open = true;
  const flush = () => {
    clearTimeout(timer);
    const text = buffer.join('\n').trim();
    buffer = [];
    if (text) queue = queue.then(() => send(text)).then(prompt);
  };
  rl.on('line', (line) => {
    if (line.trim() === '"""') {
      block = !block;
      if (!block) flush();
      return;
    }
    if (block) return void buffer.push(line);
    if (line.startsWith('/')) {
      flush();
      queue = queue.then(async () => {
        if (open && !(await command(line.trim()))) rl.close();
        else prompt();
      });
      return;
    }
    buffer.push(line);
    if (!tty) return flush();
    clearTimeout(timer);
    timer = setTimeout(flush, 30);
  });
  rl.on('close', () => {
    flush();
    void queue.then(async () => {
      open = false;
      app.scheduler.stop();
      await app.inbound.idle();
      await world.stop();
      db.close();
      process.exit(0);
    });
  });
  prompt();
}

function seed(app: App, world: MockWorld): void {
  const { groups, projects } = app.stores;
  const now = systemClock.now();
  for (const g of DEMO_GROUPS) {
    const room = world.room(g.topic, g.members);
    if (!g.projects.length && !g.dispatch) continue;
    const group = groups.ensure(room.id, g.topic, now);
    if (g.dispatch) groups.setDispatch(group.id, true);
    for (const name of g.projects) {
      const p = projects.byName(name);
      if (!p) throw new Error(`demo group names unknown project ${name}`);
      groups.bindProject(group.id, p.id, null, now);
    }
  }
}

function listGroups(world: MockWorld): string {
  return '群：\n' + world.roomTopics().map((t, i) => `  ${i + 1}. ${t}`).join('\n');
}

function whoIsWho(app: App, world: MockWorld, topic: string | null): string {
  const demo = DEMO_GROUPS.find((g) => g.topic === topic);
  if (!demo) return `管理员：${DEMO_ADMINS.join('、')}`;
  const lines = demo.projects.map((name) => {
    const p = app.stores.projects.byName(name);
    return `  ${name}：联络员 ${p?.liaison ?? '—'}，帮包领导 ${p?.leader ?? '—'}`;
  });
  return [`「${demo.topic}」成员：${world.membersOf(demo.topic).join('、')}`, ...lines, `管理员：${DEMO_ADMINS.join('、')}`].join('\n');
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
