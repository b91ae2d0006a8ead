import { describe, expect, it } from 'vitest'
import type { createTask } from 'node-cron'
import { BackupJob } from '../../src/scheduler/backup.js'
import { memoryLogger } from '../../src/logger.js'

/** node-cron's createTask, recording the expression and letting the test fire the job. */
function fakeCron() {
  const made: { expr: string; tz: string | undefined; fire: () => unknown; destroyed: boolean }[] = []
  const create = ((expr: string, fn: () => unknown, opts?: { timezone?: string }) => {
    const t = { expr, tz: opts?.timezone, fire: fn, destroyed: false }
    made.push(t)
    return { start: () => undefined, destroy: () => void (t.destroyed = true) }
  }) as unknown as typeof createTask
  return { made, create }
}

describe('the daily backup job', () => {
  it('backs up once at start, then daily at 03:00 Beijing time; stop ends the timer', async () => {
    const cron = fakeCron()
    const runs: Date[] = []
    const now = new Date('2026-11-24T19:00:00Z')
    const job = new BackupJob({
      run: async (at) => {
        runs.push(at)
        return { path: `/b/${runs.length}`, created: true }
      },
      clock: () => now,
      logger: memoryLogger(),
      createTask: cron.create,
    })
    expect(job.lastBackup()).toBeNull()
    await job.start()
    expect(runs).toHaveLength(1)
    expect(cron.made.map((t) => [t.expr, t.tz])).toEqual([['0 3 * * *', 'Asia/Shanghai']])
    await cron.made[0]!.fire()
    await job.idle()
    expect(runs).toHaveLength(2)
    expect(job.lastBackup()).toEqual({ at: now, ok: true, path: '/b/2' })
    job.stop()
    expect(cron.made[0]!.destroyed).toBe(true)
  })

  it('records a failed backup for #状态 and never throws', async () => {
    const logger = memoryLogger()
    const job = new BackupJob({
      run: async () => {
        throw new Error('ENOSPC: no space left on device')
      },
      clock: () => new Date('2026-11-24T19:00:00Z'),
      logger,
      time: '02:30',
      createTask: fakeCron().create,
    })
    await job.start()
    expect(job.lastBackup()).toMatchObject({ ok: false, error: 'ENOSPC: no space left on device' })
    expect(logger.lines.join('\n')).toContain('daily backup failed')
    job.stop()
  })
})
