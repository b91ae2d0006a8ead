/** The operations variables: watchdog, alerts, health endpoint. */
import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig, type Env } from '../../src/config.js'

function errorOf(env: Env): ConfigError {
  try {
    readConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) return e
    throw e
  }
  throw new Error('no ConfigError')
}

describe('operations configuration', () => {
  it('reads the watchdog, the alert channels and the health endpoint', () => {
    const cfg = readConfig({
      WATCHDOG_SILENCE_MS: '0',
      WATCHDOG_PROBE_TIMEOUT_MS: '5000',
      ALERT_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      ALERT_WEBHOOK_SECRET: 'SECxyz',
      ALERT_SMTP_URL: 'smtps://bot%40example.org:pw@smtp.example.org:465',
      ALERT_EMAIL_TO: 'a@example.org，b@example.org',
      ALERT_AFTER_MS: '60000',
      ALERT_DISK_FREE_MB: '0',
      HEALTH_PORT: '9464',
    })
    expect(cfg.ops).toEqual({
      watchdog: { silenceMs: 0, probeTimeoutMs: 5000 },
      alerts: {
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
        webhookSecret: 'SECxyz',
        smtpUrl: 'smtps://bot%40example.org:pw@smtp.example.org:465',
        emailTo: ['a@example.org', 'b@example.org'],
        emailFrom: undefined,
        afterMs: 60_000,
        diskFreeBytes: 0,
      },
      health: { host: '127.0.0.1', port: 9464 },
    })
    expect(readConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' }).ops.health).toEqual({
      host: '0.0.0.0',
      port: 9464,
    })
  })

  it('refuses a too-short watchdog, a bad address and email without both ends, never showing a secret', () => {
    expect(errorOf({ WATCHDOG_SILENCE_MS: '500' }).message).toContain(
      'WATCHDOG_SILENCE_MS=“500”：应为 0（关闭）或不小于 1000',
    )
    expect(errorOf({ ALERT_EMAIL_TO: 'nobody' }).message).toContain('ALERT_EMAIL_TO=“nobody”：应为邮箱地址')
    expect(errorOf({ ALERT_SMTP_URL: 'smtp://u:pw@h:25' }).message).toContain(
      'ALERT_SMTP_URL 与 ALERT_EMAIL_TO 须同时填写',
    )
    const bad = errorOf({ ALERT_WEBHOOK_URL: 'ftp://key-12345@host' }).message
    expect(bad).toContain('ALERT_WEBHOOK_URL=（已隐藏）')
    expect(bad).not.toContain('key-12345')
    expect(errorOf({ HEALTH_PORT: '70000' }).message).toContain('HEALTH_PORT=“70000”：不能大于 65535')
  })
})
