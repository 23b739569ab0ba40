import type { Ctx } from '../context';
import { ANYWHERE, type CommandDef, type LeafDef } from '../command';
import { mayUse } from '../guards';
import { roleHolders } from '../../features/roles';
import { HELP_COMMAND, helpText } from '../../text/help';

/** The commands the asker may use, a parent's as its subcommands. */
function usable(ctx: Ctx, all: readonly CommandDef[]): LeafDef[] {
  return all.flatMap((d): LeafDef[] => {
    if (!mayUse(ctx, d)) return [];
    return 'subcommands' in d ? d.subcommands.filter((s) => mayUse(ctx, s)) : [d];
  });
}

/** #帮助: what the bot does, and the commands the asker may use; admins see the admin commands apart. */
export function helpCommand(registry: () => readonly CommandDef[]): CommandDef {
  const def: CommandDef = {
    name: '帮助',
    who: 'anyone',
    where: ANYWHERE,
    ...HELP_COMMAND,
    run: (ctx) => {
      const mine = (role: 'liaison' | 'leader') =>
        ctx
          .groupProjects()
          .filter((p) => roleHolders(ctx.s, p, role, ctx.group?.id ?? null).some((x) => x.id === ctx.person.id))
          .map((p) => p.name);
      // #帮助 itself goes without saying.
      const commands = usable(ctx, registry().filter((d) => d !== def));
      ctx.reply(
        helpText({
          liaisonOf: mine('liaison'),
          leaderOf: mine('leader'),
          commands: commands.filter((d) => d.who !== 'admin'),
          adminCommands: commands.filter((d) => d.who === 'admin'),
        }),
      );
      return 'command';
    },
  };
  return def;
}
