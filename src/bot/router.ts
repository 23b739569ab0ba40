import type { CommandDef, SubcommandDef } from './command';
import { pickSubcommand } from './command';
import { findCommand } from './commands';

export type Route =
  | { kind: 'command'; def: CommandDef; sub: SubcommandDef | null; args: string }
  | { kind: 'unknown'; name: string }
  | { kind: 'report' }
  | { kind: 'photo' };

const COMMAND = /^[#＃]\s*([^\s#＃@]+)\s*([\s\S]*)$/;

/** What a message is: a `#` command of the registry (with its subcommand), a photo, or else a candidate report. */
export function route(kind: 'text' | 'image' | 'other', text: string): Route | null {
  if (kind === 'image') return { kind: 'photo' };
  if (kind !== 'text') return null;
  const m = COMMAND.exec(text.trim());
  if (!m) return { kind: 'report' };
  const [, name = '', rest = ''] = m;
  // "#日报" and friends are reports, not commands.
  if (name.startsWith('日报')) return { kind: 'report' };
  const def = findCommand(name);
  if (!def) return { kind: 'unknown', name };
  const args = rest.trim();
  const picked = 'subcommands' in def ? pickSubcommand(def, args) : null;
  return picked ? { kind: 'command', def, sub: picked.sub, args: picked.args } : { kind: 'command', def, sub: null, args };
}

/** Commands honoured in a group the bot does not serve yet: those declared for 'unbound' (binding it, or making it the dispatch group). */
export function isSetupCommand(r: Route | null): boolean {
  return r?.kind === 'command' && (r.sub ?? r.def).where.includes('unbound');
}
