import type { CliIo } from './index';
import { withCliDb } from './db';
import { createStores } from '../store/stores';
import { ADMIN_CODE_HOURS, issueAdminCode } from '../features/admins';
import { shanghaiIso, systemClock, type Clock } from '../time/clock';

const USAGE = `用法：
  rishai admin add 姓名      生成一次性验证码，本人私聊机器人发送「#验证 验证码」后成为管理员
  rishai admin list          列出管理员（编号、昵称、来源）
  rishai admin remove 编号   取消一位管理员`;

const SOURCE: Record<string, string> = { config: '配置', chat: '群内指定', code: '验证码', cli: '命令行' };

/** `rishai admin …`: admins bound to contacts by a one-time code, never by a nickname alone. */
export async function runAdmin(dbFile: string, args: string[], io: CliIo, clock: Clock = systemClock): Promise<number> {
  const [verb, ...rest] = args;
  if (!(verb === 'add' && rest.length > 0) && verb !== 'list' && !(verb === 'remove' && rest.length === 1)) {
    io.err(USAGE);
    return 2;
  }
  return withCliDb(dbFile, verb === 'list' ? 'read' : 'write', io, async (db) => {
    const s = createStores(db);
    if (verb === 'add') {
      const name = rest.join(' ').trim();
      const { code, expiresAt } = issueAdminCode(s, name, clock.now());
      io.out(`已为「${name}」生成管理员验证码：${code}`);
      io.out(`请本人在 ${ADMIN_CODE_HOURS} 小时内（${shanghaiIso(expiresAt).slice(0, 16).replace('T', ' ')} 前）私聊机器人发送：#验证 ${code}`);
      io.out('验证码只能用一次；谁发送，管理员权限就归谁的微信，与昵称无关。请当面或通过可信渠道转交。');
      return 0;
    }
    if (verb === 'list') {
      const admins = s.people.adminsWithSource();
      if (!admins.length) io.out('目前没有管理员。用 rishai admin add 姓名 生成验证码。');
      for (const a of admins) io.out(`${a.id}\t${a.name}\t${SOURCE[a.source ?? ''] ?? '—'}`);
      return 0;
    }
    const id = Number(rest[0]);
    const person = Number.isInteger(id) ? s.people.get(id) : undefined;
    if (!person?.isAdmin) {
      io.err(`没有编号为「${rest[0]}」的管理员。用 rishai admin list 查看编号。`);
      return 1;
    }
    const source = s.people.adminsWithSource().find((a) => a.id === person.id)?.source;
    if (source === 'config') {
      io.err(`${person.name} 是 .env 的 RISHAI_ADMINS 里配置的管理员：请先从那里删去，重启机器人后再取消，否则下次发言又会恢复。`);
      return 1;
    }
    s.people.setAdmin(person.id, false);
    io.out(`已取消 ${person.name}（编号 ${person.id}）的管理员权限。`);
    return 0;
  });
}
