/**
 * The deployment files encode the exit codes the bot uses (src/exit-codes.ts): systemd's
 * RestartPreventExitStatus, the container entry point's no-restart list in the Dockerfile and the
 * compose file, and the entry point itself doing what the list says.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, NO_RESTART_EXITS } from '../../src/exit-codes.js'
import { ROOT, startBot } from '../support/child.js'

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const codes = (list: string) => list.trim().split(/\s+/).map(Number).sort()
const expected = [...NO_RESTART_EXITS].sort()

/** The one value of `key=` in an INI-style unit (comments skipped). */
function unitValues(unit: string, key: string): string[] {
  return unit
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .map((l) => l.match(new RegExp(`^${key}=(.*)$`))?.[1])
    .filter((v): v is string => v !== undefined)
}

/** Runs the container entry point around `sh -c "exit <code>"`; resolves with its own exit code. */
function entryPoint(code: number, env: Record<string, string> = {}): Promise<number | null> {
  const child = spawn('sh', [join(ROOT, 'deploy/container-run.sh'), 'sh', '-c', `exit ${code}`], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: 'ignore',
  })
  return new Promise((r) => child.on('exit', (c) => r(c)))
}

describe('deployment files and the exit codes', () => {
  it('the systemd unit restarts on failure, except on the configuration, data and lock exits', () => {
    const unit = read('deploy/gqf-bot.service')
    expect(unitValues(unit, 'Restart')).toEqual(['on-failure'])
    expect(unitValues(unit, 'RestartPreventExitStatus').map(codes)).toEqual([expected])
    expect(unitValues(unit, 'EnvironmentFile')).toHaveLength(1)
    expect(unitValues(unit, 'Environment').some((v) => v.startsWith('DATA_DIR='))).toBe(true)
  })

  it('the Dockerfile and the compose file name the same exits, restart on failure and check /healthz', () => {
    const dockerfile = read('Dockerfile')
    const compose = read('compose.yaml')
    const script = read('deploy/container-run.sh')
    expect(codes(dockerfile.match(/NO_RESTART_EXIT_CODES="([\d ]+)"/)![1]!)).toEqual(expected)
    expect(codes(compose.match(/NO_RESTART_EXIT_CODES: ['"]([\d ]+)['"]/)![1]!)).toEqual(expected)
    expect(codes(script.match(/NO_RESTART_EXIT_CODES:-([\d ]+)\}/)![1]!)).toEqual(expected)
    expect(compose).toMatch(/^\s+restart: on-failure$/m)
    expect(compose).toMatch(/^\s+- gqf-data:\/data$/m)
    expect(compose).toContain('/healthz')
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m)
    expect(dockerfile).toContain('ENTRYPOINT ["/usr/local/bin/gqf-bot-run"]')
  })

  it('the entry point stops (exit 0) on the listed exits and passes every other exit on', async () => {
    for (const code of NO_RESTART_EXITS) expect(await entryPoint(code)).toBe(0)
    expect(await entryPoint(EXIT.failure)).toBe(EXIT.failure)
    expect(await entryPoint(EXIT.ok)).toBe(EXIT.ok)
    expect(await entryPoint(EXIT.config, { NO_RESTART_EXIT_CODES: '9' })).toBe(EXIT.config)
  })

  it('main.ts exits only through the named codes', () => {
    const main = read('src/main.ts')
    expect(main.match(/process\.exit\(\d/g)).toBeNull()
    expect(main).toContain('process.exit(EXIT.config)')
    expect(main).toContain('process.exit(EXIT.data)')
    expect(main).toContain('process.exit(EXIT.lock)')
  })

  // Exits 2 and 4 of the real process are checked in test/e2e (entry-point, operations); 3 here.
  it(
    'the bot really exits with the data code when a data file does not validate',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'gqf-exit-'))
      mkdirSync(dataDir, { recursive: true })
      writeFileSync(join(dataDir, 'gqf.json'), '{ not json')
      const data = startBot({ DATA_DIR: dataDir })
      expect(await data.exited).toBe(EXIT.data)
      expect(data.output()).toContain('gqf.json')
    },
  )
})
