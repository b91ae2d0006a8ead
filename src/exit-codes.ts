/**
 * How the bot's process ends, in one place: src/main.ts exits with these, and the deployment files
 * (deploy/gqf-bot.service, compose.yaml, the Dockerfile) refuse to restart on the ones a restart
 * cannot fix. test/ops/deploy.test.ts checks that they agree.
 */
export const EXIT = {
  /** Stopped on purpose (SIGINT/SIGTERM). */
  ok: 0,
  /** Could not log in, or the connection stayed away longer than RECONNECT_GIVE_UP_MS: restart. */
  failure: 1,
  /** The configuration is wrong (.env, environment): the operator must fix it. */
  config: 2,
  /** A data file does not validate (DATA_DIR): the operator must restore or repair it. */
  data: 3,
  /** Another process holds DATA_DIR's lock: starting again would only fail again. */
  lock: 4,
} as const

/** Exits that a restart cannot fix: systemd's RestartPreventExitStatus, the container's no-restart list. */
export const NO_RESTART_EXITS: readonly number[] = [EXIT.config, EXIT.data, EXIT.lock]
