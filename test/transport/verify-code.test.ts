import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import {
  submitVerifyCode,
  VerifyCodeHandoff,
  type VerifyCodeRequest,
} from '../../src/transport/verify-code.js'

/** A puppet that asks for codes (verify-code events) and records what is entered. */
class FakePuppet extends EventEmitter {
  entered: { id: string; code: string }[] = []
  ask(p: VerifyCodeRequest) {
    this.emit('verify-code', p)
  }
  async enterVerifyCode(id: string, code: string) {
    this.entered.push({ id, code })
  }
}

function setup(now = new Date('2026-11-18T02:00:00Z')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gqf-vc-'))
  const puppet = new FakePuppet()
  const notes: { event: string; text: string }[] = []
  const logger = memoryLogger()
  let clock = now
  const handoff = new VerifyCodeHandoff({
    puppet,
    dataDir,
    logger,
    notify: { notify: (event, text) => notes.push({ event, text }) },
    pollMs: 60_000,
    keepMs: 600_000,
    clock: () => clock,
  })
  return { dataDir, puppet, notes, logger, handoff, setClock: (d: Date) => (clock = d) }
}

describe('the verify-code handoff', () => {
  it('tells the operator once per request and enters the code the script left', async () => {
    const t = setup()
    t.handoff.start()
    t.puppet.ask({ id: 'vc-1', status: 1 })
    expect(t.notes).toHaveLength(1)
    expect(t.notes[0]).toMatchObject({ event: 'verify-code' })
    expect(t.notes[0]!.text).toContain('npm run verify-code -- 123456')
    const path = submitVerifyCode(t.dataDir, '654321')
    ;(t.handoff as unknown as { poll(): void }).poll()
    await vi.waitFor(() => expect(t.puppet.entered).toEqual([{ id: 'vc-1', code: '654321' }]))
    expect(existsSync(path)).toBe(false)
    // Entered: no code is awaited any more.
    expect(t.handoff.submit('111111')).toBe('not-asked')
    t.handoff.stop()
  })

  it('keeps a code that came first until the request, and takes it at once', async () => {
    const t = setup()
    t.handoff.start()
    submitVerifyCode(t.dataDir, '222222')
    t.puppet.ask({ id: 'vc-2', status: 1 })
    await vi.waitFor(() => expect(t.puppet.entered).toEqual([{ id: 'vc-2', code: '222222' }]))
    t.handoff.stop()
  })

  it('says when a code was wrong or expired, and drops a stale code nobody asked for', async () => {
    const t = setup()
    t.handoff.start()
    t.puppet.ask({ id: 'vc-3', status: 3 })
    expect(t.notes.at(-1)!.text).toMatch(/^验证码错误/)
    t.puppet.ask({ id: 'vc-3', status: 2 })
    expect(t.notes.at(-1)!.text).toContain('过期')
    expect(t.handoff.submit('333333')).toBe('not-asked')
    const path = submitVerifyCode(t.dataDir, '444444')
    utimesSync(path, new Date('2026-11-18T01:00:00Z'), new Date('2026-11-18T01:00:00Z'))
    ;(t.handoff as unknown as { poll(): void }).poll()
    expect(existsSync(path)).toBe(false)
    expect(t.puppet.entered).toEqual([])
    t.handoff.stop()
  })
})
