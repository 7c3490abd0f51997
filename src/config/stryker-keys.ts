/**
 * StrykerJS options (from @stryker-mutator/core's schema and the vitest-runner and
 * typescript-checker plugins) that assay accepts in a config file without using them.
 * Each one present draws an "ignored" warning rather than an "unknown option" one.
 */
export const IGNORED_STRYKER_KEYS: ReadonlySet<string> = new Set([
  'allowConsoleColors',
  'allowEmpty',
  'appendPlugins',
  'buildCommand',
  'checkerNodeArgs',
  'cleanTempDir',
  'clearTextReporter',
  'commandRunner',
  'dashboard',
  'disableTypeChecks',
  'dryRunOnly',
  'dryRunTimeoutMinutes',
  'eventReporter',
  'fileLogLevel',
  'force',
  'htmlReporter',
  'ignorers',
  'incremental',
  'incrementalFile',
  'inPlace',
  'logLevel',
  'maxConcurrentTestRunners',
  'maxTestRunnerReuse',
  'mutator.plugins',
  'packageManager',
  'plugins',
  'symlinkNodeModules',
  'tempDirName',
  'testFiles',
  'testRunnerNodeArgs',
  'vitest.related',
  'warnings',
]);
