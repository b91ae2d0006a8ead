// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

/** Adapters and runtime libraries that only the outer layers may touch. */
const ADAPTER_PACKAGES = ['wechaty', 'wechaty-*', 'lowdb', 'lowdb/*', 'node-cron', 'file-box']

/** The outermost modules, which assemble the bot: main, the composition root, the plugin. */
const ROOTS = ['**/plugin*', '**/main*', '**/compose*']

/** Everything above the core: the adapters, the operations, the features and the roots. */
const OUTER = [
  '**/storage/*',
  '**/transport/*',
  '**/scheduler/*',
  '**/console/*',
  '**/render/*',
  '**/calendar/*',
  '**/ops/*',
  '**/commands/*',
  ...ROOTS,
]
/** OUTER but the folders named (a layer's own folder, and those below it that it may use). */
const outerBut = (...folders) => OUTER.filter((p) => !folders.some((f) => p === `**/${f}/*`))

/**
 * Modules of a feature that other features may import besides its index.ts, each shared on purpose
 * (commands/<feature>/<module>.js as seen from another feature's folder). Anything else in a feature
 * folder is its own: another feature reaching into it is an error.
 */
const SHARED_FEATURE_MODULES = [
  'records/record-site', // where a site record goes; the records port; the actor of a change
  'operations/audited', // a change and its audit entry (people, roster, reminders, imports, reporting)
  'assessment/assessment-now', // the assessment of a period as of now (#档案, the files)
  'reporting/share-buffer', // the shares kept for the next #上报, which record commands may take
  'tallies/month-asked', // "11月" or "11月 详细" read the same way by #未报 and #未注册
]
/** From commands/<feature>/: another feature's internals (not its index.ts, not a shared module). */
const OTHER_FEATURES_INTERNALS = `^\\.\\./(?!(?:[^/]+/index|${SHARED_FEATURE_MODULES.join('|')})\\.js$)[^./][^/]*/`
/** From commands/<feature>/: the list of all features (only the composition root installs it). */
const FEATURE_LIST = '^\\.\\./index\\.js$'

/**
 * The layers (see README, "架构"): data flows one way, and a lower layer never imports a higher
 * one. Each entry forbids, for the files it names, imports whose path matches the patterns (globs,
 * or `regex` for the feature rules), and the packages named (by default the adapters). Every folder
 * of src/, commands/ and storage/ has exactly one entry: test/architecture/layers.test.ts checks it.
 */
const layer = (files, patterns, message, opts = {}) => ({
  files,
  ...(opts.ignores ? { ignores: opts.ignores } : {}),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(patterns.length > 0 ? [{ group: patterns, message }] : []),
          ...(opts.regex ?? []).map((regex) => ({ regex, message })),
          ...((opts.packages ?? ADAPTER_PACKAGES).length > 0
            ? [{ group: opts.packages ?? ADAPTER_PACKAGES, message: `${message} (not this package here)` }]
            : []),
        ],
      },
    ],
  },
})

/** Issue 14: no file over 300 lines (blank lines and comments not counted), no function over 60. */
const SIZE_LIMITS = {
  files: ['src/**/*.ts', 'commands/**/*.ts', 'storage/**/*.ts', 'scripts/**/*.ts'],
  rules: {
    'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    'max-lines-per-function': ['error', { max: 60 }],
  },
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // noUncheckedIndexedAccess makes `!` after a checked index the honest form.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(
    ['src/domain/**/*.ts'],
    [...OUTER, '**/core/*', '**/messages/*', '**/config*'],
    'src/domain is pure: it imports only other domain modules',
  ),
  layer(['src/core/**/*.ts'], OUTER, 'src/core owns the ports; it imports no adapter'),
  layer(
    ['src/messages/**/*.ts'],
    OUTER,
    'src/messages turns codes into sentences; it imports only the domain and core types',
  ),
  layer(
    ['src/calendar/**/*.ts'],
    [...outerBut('calendar'), '**/messages/*', '**/config*'],
    'src/calendar implements the holiday port over chinese-days; it knows the domain and the port only',
  ),
  layer(
    ['src/render/**/*.ts'],
    [...outerBut('render'), '**/config*'],
    'src/render turns data into files and pictures; it imports the domain, messages and core types',
  ),
  layer(
    ['src/scheduler/**/*.ts'],
    outerBut('scheduler', 'render', 'calendar'),
    'src/scheduler runs timers over the ports; it sends through the send it is given',
    { packages: ['wechaty', 'wechaty-*', 'lowdb', 'lowdb/*', 'file-box'] },
  ),
  layer(
    ['src/transport/**/*.ts'],
    outerBut('transport'),
    'src/transport adapts Wechaty to the core; it knows the core, its ports and the sentences only',
    { packages: ['lowdb', 'lowdb/*', 'node-cron'] },
  ),
  layer(
    ['src/ops/**/*.ts'],
    ['**/storage/*', '**/scheduler/*', '**/console/*', '**/commands/*', '**/plugin*', '**/main*'],
    'src/ops counts and tells (metrics, alerts, health); it hooks into the composition, never into features or storage',
  ),
  layer(
    ['src/console/**/*.ts'],
    ['**/commands/*', '**/main*', '**/ops/*'],
    'src/console runs the bot in a mock group through the plugin; it never reaches into the commands',
    { packages: [] },
  ),
  // src/compose.ts is the composition root: it installs the feature list (commands/index.ts), and
  // src/index.ts, the package's entry, exports it. Neither reaches into a feature.
  layer(
    ['src/compose.ts', 'src/index.ts'],
    ['**/commands/*/*'],
    'src/ takes the features as one list from commands/index.ts',
    { packages: [] },
  ),
  layer(
    ['src/*.ts'],
    ['**/commands/*'],
    'src/ never imports commands/ (only the composition root installs them)',
    { ignores: ['src/compose.ts', 'src/index.ts'], packages: [] },
  ),
  layer(
    ['commands/*/**/*.ts'],
    outerBut('commands', 'render'),
    'commands use core, the domain, messages, the renderers and ports, never an adapter; another feature only through its index.ts or a shared module',
    { regex: [OTHER_FEATURES_INTERNALS, FEATURE_LIST] },
  ),
  layer(
    ['commands/*.ts'],
    outerBut('commands', 'render'),
    'commands/index.ts installs each feature through its index.ts',
    { regex: ['^\\./[^/]+/(?!index\\.js$)'] },
  ),
  // storage is the lowdb adapter: lowdb itself is its business.
  layer(
    ['storage/**/*.ts'],
    outerBut('storage'),
    'storage implements the ports over lowdb; it knows the domain and the ports only',
    { packages: ['wechaty', 'wechaty-*', 'file-box', 'node-cron'] },
  ),
  // The operators' tools are roots of their own, but take the features as one list too.
  layer(
    ['scripts/**/*.ts'],
    ['**/commands/*/*', '!**/commands/*/sentences.js'],
    'scripts take the features as one list from commands/index.ts (and may show their sentences)',
    { packages: [] },
  ),
  SIZE_LIMITS,
)
