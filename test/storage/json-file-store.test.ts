import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { JsonFileStore, StoreError } from '../../storage/json-file-store.js'
import { openRepository } from '../../storage/repository.js'

const schema = z.object({ schemaVersion: z.literal(2), items: z.array(z.number()) })
type Data = z.infer<typeof schema>
const dir = () => mkdtempSync(join(tmpdir(), 'gqf-store-'))
const open = (file: string) =>
  JsonFileStore.open<Data>({
    file,
    schema,
    version: 2,
    defaults: () => ({ schemaVersion: 2, items: [] }),
    migrations: [
      { from: 0, up: (d) => ({ ...d, items: [] }) },
      { from: 1, up: (d) => ({ ...d, items: (d['list'] as number[] | undefined) ?? [] }) },
    ],
  })

describe('JsonFileStore', () => {
  it('creates the file on first open and keeps what was written across a reopen', async () => {
    const file = join(dir(), 'a.json')
    const store = await open(file)
    expect(existsSync(file)).toBe(true)
    await store.update((d) => d.items.push(1))
    const again = await open(file)
    expect(again.data.items).toEqual([1])
  })

  it('commits a burst of mutations in few writes, and each resolves only once on disk', async () => {
    const file = join(dir(), 'b.json')
    const store = await open(file)
    const before = store.writes
    const done = Array.from({ length: 200 }, (_, i) =>
      store
        .update((d) => d.items.push(i))
        .then(() => JSON.parse(readFileSync(file, 'utf8')).items.includes(i)),
    )
    expect(await Promise.all(done)).toEqual(Array(200).fill(true))
    expect(store.writes - before).toBeLessThanOrEqual(3)
    expect((await open(file)).data.items).toHaveLength(200)
  })

  it('refuses a file that does not validate, names the problem and leaves the file untouched', async () => {
    const file = join(dir(), 'c.json')
    const broken = JSON.stringify({ schemaVersion: 2, items: ['x'] })
    writeFileSync(file, broken)
    await expect(open(file)).rejects.toThrow(StoreError)
    await expect(open(file)).rejects.toThrow(/c\.json 无法使用：校验失败（items\.0：/)
    expect(readFileSync(file, 'utf8')).toBe(broken)
  })

  it('refuses a file that is not JSON, and one written by a newer version', async () => {
    const d = dir()
    writeFileSync(join(d, 'x.json'), '{"schemaVersion": 2, "items": [1,')
    await expect(open(join(d, 'x.json'))).rejects.toThrow(/不是有效的 JSON/)
    writeFileSync(join(d, 'y.json'), JSON.stringify({ schemaVersion: 9, items: [] }))
    await expect(open(join(d, 'y.json'))).rejects.toThrow(/数据版本 9 比本程序支持的 2 新/)
  })

  it('migrates an old file step by step and keeps a backup of it', async () => {
    const file = join(dir(), 'd.json')
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, list: [4, 5] }))
    const store = await open(file)
    expect(store.data).toEqual({ schemaVersion: 2, items: [4, 5] })
    expect(JSON.parse(readFileSync(`${file}.v1.bak`, 'utf8'))).toEqual({ schemaVersion: 1, list: [4, 5] })
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(2)
  })
})

describe('the repository on disk', () => {
  it('loads the roster on first start and keeps registrations across a restart', async () => {
    const d = dir()
    const repo = await openRepository(d)
    expect(repo.roster().sites()).toHaveLength(30)
    await repo.register(
      'wx1',
      { name: '张三', orgId: 'S06', line: '妇联', wechatName: '小张' },
      new Date('2026-11-24T00:00:00Z'),
    )
    await repo.bindRoom('coord@chatroom', '大连市工青妇基层组织协同创新发展', new Date())
    const again = await openRepository(d)
    expect(again.member('wx1')).toMatchObject({ name: '张三', orgId: 'S06' })
    expect(again.room()).toEqual({ id: 'coord@chatroom', topic: '大连市工青妇基层组织协同创新发展' })
    expect(JSON.parse(readFileSync(join(d, 'roster.json'), 'utf8')).orgs).toHaveLength(30 + 3 + 45)
  })

  it('stops on a damaged member record and leaves the file as it was', async () => {
    const d = dir()
    await openRepository(d)
    const file = join(d, 'gqf.json')
    const data = JSON.parse(readFileSync(file, 'utf8'))
    data.members['wx1'] = { contactId: 'wx1', name: '张三' }
    const text = JSON.stringify(data)
    writeFileSync(file, text)
    await expect(openRepository(d)).rejects.toThrow(/gqf\.json 无法使用：校验失败（members\.wx1\.orgId/)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})

describe('saved attachments', () => {
  it('stay inside DATA_DIR/attachments whatever the file name or message id', async () => {
    const { ReportStore } = await import('../../storage/report-store.js')
    const d = dir()
    const store = await ReportStore.open(d)
    const info = await store.saveFile('2026-11', '../msg/1', '../../etc/passwd', Buffer.from('x'), 'file')
    expect(info.path).toBe('attachments/2026-11/_msg_1-.._.._etc_passwd')
    expect(readFileSync(join(d, info.path), 'utf8')).toBe('x')
  })
})
