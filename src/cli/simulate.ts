import fs from 'node:fs';
import type { CliIo } from './index';
import { readScenario } from '../sandbox/scenario';
import { simulate } from '../sandbox/simulate';

/** `rishai simulate scenario.json [--db PATH]`: prints every message the bot sends, one JSON object a line. */
export async function runSimulate(dbFile: string | undefined, args: string[], io: CliIo): Promise<number> {
  const [file] = args;
  if (!file) {
    io.err('请指定场景文件，例如：npx rishai simulate data/scenarios/week.json');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    io.err(`无法读取场景文件 ${file}：${(err as Error).message}`);
    return 1;
  }
  const read = readScenario(json);
  if (!read.ok) {
    io.err(`场景有误，未运行：\n${read.errors.join('\n')}`);
    return 1;
  }
  const result = await simulate(read.scenario, { dbFile, onSent: (line) => io.out(JSON.stringify(line)) });
  if (!result.ok) {
    io.err(`场景有误：\n${result.errors.join('\n')}`);
    return 1;
  }
  return 0;
}
