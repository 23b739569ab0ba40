import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../src/bot/commands';
import { whoLabel } from '../../src/bot/command';
import { route } from '../../src/bot/router';

/** The README's 群里的指令 table: written by hand, checked here against the registry. */
function commandTable(): string[][] {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('\n## 群里的指令\n');
  if (start < 0) throw new Error('README.md has no 群里的指令 section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2) // the header and its rule
    .map((l) => l.slice(1, -1).split('|').map((cell) => cell.trim()));
}

const entries = COMMANDS.flatMap((c) => ('subcommands' in c ? c.subcommands : [c]));

describe('README 群里的指令', () => {
  it('has one row per command and subcommand of the registry, in its order, with the same usage and who may use it', () => {
    const rows = commandTable().map(([command = '', who = '']) => ({ usage: /^`([^`]+)`$/.exec(command)?.[1] ?? command, who }));
    expect(rows).toEqual(entries.map((e) => ({ usage: e.usage, who: whoLabel(e) })));
  });

  it('names no command the bot does not know, in any column', () => {
    const mentioned = commandTable().flatMap((row) => row.flatMap((cell) => [...cell.matchAll(/`(#[^`]+)`/g)].map((m) => m[1]!)));
    expect(mentioned.length).toBeGreaterThan(entries.length);
    const unknown = mentioned.filter((text) => {
      const r = route('text', text);
      if (r?.kind !== 'command') return true;
      // A command with subcommands is only known with one of them (`#设置 日程名 时间` is a placeholder for one).
      return 'subcommands' in r.def && !r.sub && !entries.some((e) => e.usage === text);
    });
    expect(unknown).toEqual([]);
  });
});
