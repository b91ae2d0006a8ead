import { performance } from 'node:perf_hooks'
import { holidayCalendar } from '../src/calendar/chinese-days.js'
import { builtinCommands } from '../commands/index.js'
import { createCore } from '../src/core/handle.js'
import type { Incoming } from '../src/core/types.js'
import { createLogger } from '../src/logger.js'
import { openRepository } from '../storage/repository.js'
import { buildStore, sampleText, MEMBER_ID, ADMIN_ID } from './synthetic.js'
import { profiled } from './profile.js'

const years = Number(process.argv[2] ?? 10)
const store = await buildStore(years)
let t = performance.now()
const repo = await openRepository(store.dir)
console.log('open', (performance.now() - t).toFixed(0), 'ms')
const core = createCore(
  {
    repo,
    clock: () => new Date(),
    logger: createLogger('error'),
    directory: { roomMembers: async () => [] },
    calendar: holidayCalendar(repo.holidays),
  },
  builtinCommands(),
)
let n = 0
const msg = (who: string, text: string): Incoming => ({
  id: `x${n++}`,
  conversation: { kind: 'room', id: 'coord@chatroom' },
  senderId: who,
  senderName: 'x',
  text,
  kind: 'text',
  mentionSelf: false,
  mentions: [],
  at: new Date(),
})
for (const [who, text] of [
  [MEMBER_ID, '#上报'],
  [MEMBER_ID, '#统计'],
  [ADMIN_ID, '#未报'],
  [ADMIN_ID, '#汇总'],
] as const) {
  const xs: number[] = []
  await profiled(`${years}y-${text.slice(1)}`, async () => {
    for (let i = 0; i < 40; i++) {
      t = performance.now()
      const r = await core.handle(msg(who, text === '#上报' ? `#上报 ${sampleText(i)}` : text))
      xs.push(performance.now() - t)
      if (i === 0) console.log(text, r[0]?.text.slice(0, 60))
    }
  })
  xs.sort((a, b) => a - b)
  console.log(text, 'p50', xs[20]!.toFixed(2), 'ms  min', xs[0]!.toFixed(2))
}
process.exit(0)
