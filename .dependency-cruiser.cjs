/**
 * The layers of src/ and what each may import (run by `npm run deps`, and so by CI).
 *   domain   types and constants; imports nothing of ours
 *   time     the clock and Shanghai dates
 *   core     pure parsing, rules, statistics, calendar: functions of data and time
 *   text     user-facing Chinese text: pure functions over typed data
 *   store    SQLite, migrations, the Stores bundle
 *   render   images, workbooks, bulletin files
 *   features use cases over store and core (report intake, problems, roles, bulletins, registry)
 *   bot      the chat-neutral bot and its commands; channels/* the chat platforms
 *   app.ts / main.ts  the composition root: the only place that picks a channel
 */
const layer = (name, allowed) => ({
  name: `${name}-imports-only-${allowed.join('-') || 'itself'}`,
  severity: 'error',
  comment: `src/${name} may import only ${['itself', ...allowed].join(', ')} (and packages).`,
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

module.exports = {
  forbidden: [
    layer('domain', []),
    layer('time', ['domain']),
    layer('core', ['domain', 'time']),
    layer('text', ['domain', 'time', 'core']),
    layer('store', ['domain', 'time']),
    layer('render', ['domain', 'time', 'core', 'text']),
    layer('features', ['domain', 'time', 'core', 'text', 'store']),
    {
      name: 'only-the-composition-root-picks-a-channel',
      severity: 'error',
      comment: 'A chat channel is wired in app.ts / main.ts only, so another can sit beside it.',
      from: { path: '^src/', pathNot: ['^src/app\\.ts$', '^src/main\\.ts$', '^src/channels/'] },
      to: { path: '^src/channels/' },
    },
    {
      name: 'channels-stay-apart',
      severity: 'error',
      comment: 'One channel never reaches into another.',
      from: { path: '^src/channels/([^/]+)/' },
      to: { path: '^src/channels/', pathNot: '^src/channels/$1/' },
    },
    {
      name: 'only-the-composition-root-and-tools-wire-the-app',
      severity: 'error',
      comment: 'Features, jobs and the bot are assembled in app.ts; they never import it.',
      from: { path: '^src/', pathNot: ['^src/main\\.ts$', '^src/sandbox/', '^src/cli/'] },
      to: { path: '^src/(app|main)\\.ts$' },
    },
    {
      name: 'bot-and-jobs-never-touch-the-database-handle',
      severity: 'error',
      comment: 'Handlers and jobs read and write through the Stores bundle and its transaction helper.',
      from: { path: '^src/(bot|jobs|features)/' },
      to: { path: '^src/store/db\\.ts$' },
    },
    {
      name: 'no-cycles-between-folders',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
      scope: 'folder',
    },
    {
      name: 'no-cycles-between-modules',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
