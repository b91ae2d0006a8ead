/** The one-time admin code as the operator sees it: boxed at first start, and from `npm run admin-code`. */

/** Columns a string takes in a terminal: CJK and full-width forms take two. */
export function columns(s: string): number {
  let n = 0
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1
  return n
}

/** The widest a box may be: a phone-sized or split terminal of 60 columns shows it whole. */
export const BOX_MAX = 60

/** Where a line may break: after Chinese punctuation, or at a space. */
const AFTER_PUNCTUATION = /[，。：；、？！）]/
/** What may not start a line. */
const NO_START = /[，。：；、？！）》”]/

/**
 * Splits a line into pieces of at most `max` columns: after the last punctuation (or else space)
 * that leaves the piece at least a third full, never with punctuation starting a line.
 */
export function wrapColumns(line: string, max: number): string[] {
  const out: string[] = []
  let cur = ''
  for (const ch of line) {
    if (columns(cur + ch) > max) {
      const chars = [...cur]
      // A cut leaves the piece a third full, and not before punctuation that may not start a line.
      const ok = (i: number) =>
        columns(chars.slice(0, i).join('')) >= max / 3 && !(i === chars.length && NO_START.test(ch))
      let cut = chars.findLastIndex((c, i) => AFTER_PUNCTUATION.test(c) && ok(i + 1)) + 1
      if (cut === 0) cut = chars.findLastIndex((c, i) => c === ' ' && ok(i))
      if (cut <= 0) {
        // A hard break, moved back past punctuation so that none starts the next line.
        cut = NO_START.test(ch) ? chars.length - 1 : chars.length
        while (cut > 1 && NO_START.test(chars[cut]!)) cut--
      }
      out.push(chars.slice(0, cut).join('').trimEnd())
      cur = chars.slice(cut).join('').trimStart()
    }
    cur += ch
  }
  return [...out, cur]
}

/**
 * Lines in a box drawn with box characters, so they stand out among log lines; at most BOX_MAX
 * wide, or the terminal's width when it is narrower (a phone's SSH client: 40 columns).
 */
export function boxed(text: string[], terminal = BOX_MAX): string {
  const lines = text.flatMap((l) => wrapColumns(l, Math.max(20, Math.min(BOX_MAX, terminal)) - 4))
  const width = Math.max(...lines.map(columns))
  const bar = '─'.repeat(width + 2)
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l}${' '.repeat(width - columns(l))} │`), `└${bar}┘`].join('\n')
}

export const ADMIN_CODE = {
  box: (code: string, terminal?: number) =>
    boxed(
      [
        `管理员认证码（一次性，仅显示这一次）：${code}`,
        '在工作群或私聊机器人发送：',
        `#认证管理员 ${code}`,
        '忘记了？先停止机器人，再运行 npm run admin-code 生成新码。',
      ],
      terminal,
    ),
  issued: (code: string, terminal?: number) =>
    boxed(
      [
        `新的管理员认证码（一次性）：${code}`,
        '启动机器人后，在工作群或私聊机器人发送：',
        `#认证管理员 ${code}`,
        '旧的认证码已作废。',
      ],
      terminal,
    ),
  running: (pid: number, host: string, since: string) =>
    `机器人正在运行（进程 ${pid}，主机 ${host}，启动于 ${since}），未生成新码：运行中的机器人会覆盖此处写入的认证码。请先停止机器人，再运行 npm run admin-code，然后启动机器人。`,
  preset:
    '已设置 GQF_ADMIN_CODE：机器人启动时会使用该认证码，未生成新码。如需生成一次性新码，请先从 .env 或环境中去掉 GQF_ADMIN_CODE。',
  failed: (why: string) => `未能生成新的认证码：${why}`,
}
