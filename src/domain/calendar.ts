/** Dates as people in Dalian read them: Asia/Shanghai, whatever the server's TZ. */
export const TIME_ZONE = 'Asia/Shanghai'

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** 2026-11-24T20:00:00Z → 2026-11-25. */
export function shanghaiDate(at: Date | string): string {
  return dateFormat.format(typeof at === 'string' ? new Date(at) : at)
}
