/**
 * A full disk: every write under the data folder fails with ENOSPC (node:fs/promises' writeFile,
 * which lowdb's writer uses, replaced for the test). The member is told the system is busy, nothing
 * is acknowledged that is not on disk, and the bot works again once space returns.
 */
import fsp from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { builtinCommands } from '../../commands/index.js'
import { holidayCalendar } from '../../src/calendar/chinese-days.js'
import { createCore } from '../../src/core/handle.js'
import { memoryLogger } from '../../src/logger.js'
import { CORE } from '../../src/messages/core.js'
import { openRepository } from '../../storage/repository.js'

const realWriteFile = fsp.writeFile
function diskFull(dir: string | null): void {
  fsp.writeFile = (async (...args: Parameters<typeof realWriteFile>) => {
    if (dir !== null && String(args[0]).startsWith(dir)) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    return realWriteFile(...args)
  }) as typeof realWriteFile
  if (dir === null) fsp.writeFile = realWriteFile
  syncBuiltinESMExports()
}

describe('a full disk', () => {
  afterEach(() => diskFull(null))

  it('answers 系统繁忙, acknowledges nothing that is not on disk, and recovers when space returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-full-'))
    const now = new Date('2026-11-24T02:00:00Z')
    const repo = await openRepository(dir, now)
    const logger = memoryLogger()
    const core = createCore(
      {
        repo,
        clock: () => now,
        logger,
        directory: { roomMembers: async () => [] },
        calendar: holidayCalendar(repo.holidays),
      },
      builtinCommands(),
    )
    let n = 0
    const say = async (text: string) =>
      (
        await core.handle({
          id: `full-${++n}`,
          conversation: { kind: 'room', id: 'coord@chatroom' },
          senderId: 'u1',
          senderName: '小张',
          text,
          kind: 'text',
          mentionSelf: false,
          mentions: [],
          at: now,
        })
      ).map((r) => r.text)
    expect((await say('#注册 张三 日新街道 妇联'))[0]).toContain('注册成功')
    expect((await say('#上报 磁盘满之前的活动'))[0]).toMatch(/^已收到/)

    diskFull(dir)
    expect(await say('#上报 磁盘满时的活动')).toEqual([CORE.busy])
    expect(await say('#注册 张三 大船 妇联')).toEqual([CORE.busy])
    expect(logger.lines.join('\n')).toContain('ENOSPC')
    // What a restart would find: only what was acknowledged.
    const onDisk = await openRepository(dir, now)
    expect(onDisk.reports.all().map((r) => r.text)).toEqual(['磁盘满之前的活动'])
    expect(onDisk.roster().get(onDisk.member('u1')!.orgId)?.name).toContain('日新街道')
    // Nor is it kept in memory, to be written with the next change.
    expect(repo.reports.all().map((r) => r.text)).toEqual(['磁盘满之前的活动'])
    expect(repo.roster().get(repo.member('u1')!.orgId)?.name).toContain('日新街道')

    diskFull(null)
    const again = await say('#上报 空间恢复后的活动')
    expect(again[0]).toMatch(/^已收到日新街道的11月创建信息/)
    const after = await openRepository(dir, now)
    expect(after.reports.all().map((r) => r.text)).toEqual(['磁盘满之前的活动', '空间恢复后的活动'])
  })
})
