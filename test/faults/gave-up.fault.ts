/**
 * The last alerts of a process, through the real process: a backup that fails at login, then a
 * puppet service that never comes back; the operators hear of both, the give-up before the exit (1).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../src/exit-codes.js'
import { startBot } from '../support/child.js'
import { until, webhookSink } from '../support/ops-sinks.js'
import { World } from '../support/world.js'

describe('giving up', () => {
  let world: World
  let hook: Awaited<ReturnType<typeof webhookSink>>
  beforeAll(async () => {
    world = await new World().start()
    hook = await webhookSink()
  })
  afterAll(async () => {
    await world?.stop()
    await hook?.close()
  })

  it(
    'tells a failed backup, then that it gives up reconnecting, before exiting 1',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gqf-giveup-'))
      // A file where the backup folder should be: every backup fails.
      writeFileSync(join(dir, 'not-a-folder'), '')
      const run = startBot({
        WECHATY_PUPPET_SERVICE_TOKEN: world.token,
        WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
        SEND_INTERVAL_MS: '0',
        BACKUP_DIR: join(dir, 'not-a-folder', 'backups'),
        ALERT_WEBHOOK_URL: hook.url,
        ALERT_AFTER_MS: '600000',
        RECONNECT_GIVE_UP_MS: '10000',
      })
      const events = () => hook.posts.map((p) => String(p.body['event']))
      try {
        await run.printed('coordination room bound', 60_000)
        await until(() => events().includes('backup-failed'), 'the backup alert')
        await world.stop()
        expect(await run.exited).toBe(EXIT.failure)
      } finally {
        run.killHard()
      }
      // Lost for less than ALERT_AFTER_MS: no outage alert of its own, only the give-up.
      expect(events()).toEqual(['backup-failed', 'gave-up'])
      expect(String(hook.posts[1]!.body['text'])).toMatch(
        /重连 \d+ 次仍未成功，机器人进程现在退出（退出码 1）/,
      )
    },
  )
})
