import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadDotenv, readConfig } from '../src/config.js'

const errorOf = (env: Record<string, string>) => {
  try {
    readConfig(env)
  } catch (e) {
    return e as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('configuration', () => {
  it('opens the console group with defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({
      mode: 'console',
      dataDir: './data',
      backup: { dir: undefined, keepDaily: 14, keepMonthly: 12, time: '03:00' },
      roomTopic: '大连市工青妇基层组织协同创新发展',
      adminCode: undefined,
      sendIntervalMs: 1000,
      maxMessageLength: 1500,
      maxMessageAgeMs: 86_400_000,
      loginTimeoutMs: 60000,
      reconnectGiveUpMs: 1_800_000,
      reports: {
        keywords: ['创建信息', '示范点', '工青妇'],
        lateDays: 5,
        shareWindowMs: 600000,
        issuer: '大连市工青妇基层组织协同创新发展工作推进组',
      },
      reminders: {
        paused: false,
        off: [],
        midDay: 20,
        preWorkdays: 3,
        times: { mid: '09:30', pre: '09:30', final: '16:00', close: '09:30', warn: '10:00' },
      },
      digest: { enabled: true, time: '09:00' },
      maxFileBytes: 20 * 1024 * 1024,
      logLevel: 'warn',
      wechatyLog: 'error',
      service: {
        token: undefined,
        endpoint: undefined,
        noTlsInsecureClient: false,
        flavour: 'wechaty-puppet-service',
      },
      ops: {
        watchdog: { silenceMs: 600_000, probeTimeoutMs: 60_000 },
        alerts: {
          webhookUrl: undefined,
          webhookSecret: undefined,
          smtpUrl: undefined,
          emailTo: [],
          emailFrom: undefined,
          afterMs: 300_000,
          diskFreeBytes: 1024 * 1024 * 1024,
        },
        health: null,
      },
    })
  })

  it('reads the weekly digest and the largest file sent', () => {
    const cfg = readConfig({ DIGEST_ENABLED: 'false', DIGEST_TIME: '08:15', MAX_FILE_MB: '5' })
    expect(cfg.digest).toEqual({ enabled: false, time: '08:15' })
    expect(cfg.maxFileBytes).toBe(5 * 1024 * 1024)
    expect(errorOf({ MAX_FILE_MB: '0' }).message).toContain('MAX_FILE_MB=“0”：不能小于 1')
    expect(errorOf({ DIGEST_TIME: '9点' }).message).toContain('DIGEST_TIME')
  })

  it('reads where backups go and how many are kept', () => {
    expect(
      readConfig({
        BACKUP_DIR: '/mnt/usb/gqf',
        BACKUP_KEEP_DAILY: '30',
        BACKUP_KEEP_MONTHLY: '0',
        BACKUP_TIME: '02:30',
      }).backup,
    ).toEqual({
      dir: '/mnt/usb/gqf',
      keepDaily: 30,
      keepMonthly: 0,
      time: '02:30',
    })
    expect(errorOf({ BACKUP_TIME: '3点' }).message).toContain('BACKUP_TIME=“3点”：应为 24 小时制“时:分”')
    expect(readConfig({ MAX_MESSAGE_AGE_HOURS: '48' }).maxMessageAgeMs).toBe(48 * 3_600_000)
    expect(errorOf({ MAX_MESSAGE_AGE_HOURS: '0' }).message).toContain('MAX_MESSAGE_AGE_HOURS=“0”：不能小于 1')
    expect(errorOf({ BACKUP_KEEP_DAILY: '0' }).message).toContain('BACKUP_KEEP_DAILY=“0”：不能小于 1')
  })

  it('serves real WeChat when a puppet-service token is set, empty values counting as unset', () => {
    const cfg = readConfig({
      WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_0b8f7d36-2c52-4f8e-9a3e-1c2b3d4e5f60',
      WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:8788',
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      DATA_DIR: '',
    })
    expect(readConfig({ RECONNECT_GIVE_UP_MS: '120000' }).reconnectGiveUpMs).toBe(120_000)
    expect(errorOf({ RECONNECT_GIVE_UP_MS: '5' }).message).toContain('RECONNECT_GIVE_UP_MS')
    expect(cfg).toMatchObject({
      mode: 'service',
      dataDir: './data',
      service: { endpoint: '127.0.0.1:8788', noTlsInsecureClient: true },
    })
  })

  it('chooses the Juzi client for WorkPro tokens, always with TLS off', () => {
    const cfg = readConfig({
      WECHATY_PUPPET: '@juzi/wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_workpro_0b8f7d36',
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'false',
    })
    expect(cfg).toMatchObject({
      mode: 'service',
      service: { flavour: '@juzi/wechaty-puppet-service', noTlsInsecureClient: true },
    })
    expect(errorOf({ WECHATY_PUPPET: '@juzi/wechaty-puppet-service' }).problems).toHaveLength(1)
    expect(errorOf({ WECHATY_PUPPET: 'wechaty-puppet-padlocal' }).message).toContain(
      '@juzi/wechaty-puppet-service',
    )
  })

  it('names the variable and the fix for every bad value, without echoing secrets', () => {
    const e = errorOf({
      SEND_INTERVAL_MS: 'fast',
      WECHATY_PUPPET_SERVICE_TOKEN: 'nounderscore',
      WECHATY_PUPPET_SERVICE_ENDPOINT: 'localhost',
      LOG_LEVEL: 'loud',
    })
    expect(e).toBeInstanceOf(ConfigError)
    expect(e.problems).toEqual([
      'SEND_INTERVAL_MS=“fast”：应为整数',
      'LOG_LEVEL=“loud”：只能是 debug、info、warn 或 error',
      'WECHATY_PUPPET_SERVICE_TOKEN=（已隐藏）：格式应为“前缀_编号”，例如 insecure_1f2e3d4c-…（最后一个“_”之前须有前缀）',
      'WECHATY_PUPPET_SERVICE_ENDPOINT=“localhost”：格式应为“主机:端口”，例如 127.0.0.1:8788',
    ])
    expect(e.message).toMatch(/^配置有误，机器人未启动：\n- SEND_INTERVAL_MS/)
    expect(e.message).not.toContain('nounderscore')
    expect(errorOf({ MAX_MESSAGE_LENGTH: '50' }).problems).toEqual(['MAX_MESSAGE_LENGTH=“50”：不能小于 200'])
    expect(errorOf({ REMINDER_FINAL_TIME: '4pm' }).problems).toEqual([
      'REMINDER_FINAL_TIME=“4pm”：应为 24 小时制“时:分”，例如 09:30',
    ])
    expect(readConfig({ REMINDERS_ENABLED: 'false' }).reminders).toBe(false)
    expect(readConfig({ REMINDER_FINAL_TIME: '15:30' }).reminders).toMatchObject({
      times: { final: '15:30', mid: '09:30' },
    })
  })

  it('asks for a token when the service puppet is chosen without one', () => {
    expect(errorOf({ WECHATY_PUPPET: 'wechaty-puppet-service' }).problems[0]).toMatch(
      /^WECHATY_PUPPET=wechaty-puppet-service 需要 WECHATY_PUPPET_SERVICE_TOKEN/,
    )
    expect(errorOf({ WECHATY_PUPPET: 'wechaty-puppet-padlocal' }).problems[0]).toMatch(
      /^WECHATY_PUPPET=“wechaty-puppet-padlocal”：只能是/,
    )
  })

  it('reads .env under the real environment, which wins', () => {
    const d = mkdtempSync(join(tmpdir(), 'gqf-env-'))
    writeFileSync(join(d, '.env'), 'DATA_DIR=/srv/gqf\nLOG_LEVEL=debug\n')
    const env = loadDotenv(join(d, '.env'), { LOG_LEVEL: 'warn' })
    expect(readConfig(env)).toMatchObject({ dataDir: '/srv/gqf', logLevel: 'warn' })
    expect(loadDotenv(join(d, 'missing.env'), { A: '1' })).toEqual({ A: '1' })
  })
})

describe('.env.example', () => {
  it('lists every variable the bot reads, each with a comment, and starts the console as it is', async () => {
    const { readFileSync } = await import('node:fs')
    const { parse } = await import('dotenv')
    const { CONFIG_KEYS } = await import('../src/config.js')
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
    const example = parse(text)
    expect(Object.keys(example).sort()).toEqual([...CONFIG_KEYS].sort())
    const lines = text.split('\n')
    for (const key of CONFIG_KEYS) {
      const at = lines.findIndex((l) => l.startsWith(`${key}=`))
      expect(lines[at - 1], key).toMatch(/^# /)
    }
    expect(readConfig(example).mode).toBe('console')
  })
})

describe('ISSUER_NAME', () => {
  it('names who issues the Word documents, the work group by default', () => {
    expect(readConfig({ ISSUER_NAME: '大连市总工会' }).reports.issuer).toBe('大连市总工会')
    expect(readConfig({}).reports.issuer).toBe('大连市工青妇基层组织协同创新发展工作推进组')
  })
})
