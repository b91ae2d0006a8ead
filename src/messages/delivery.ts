/** What the transport says: the parts of a long reply, merged receipts, a file it could not send. */

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

export const DELIVERY = {
  // Transport
  splitMark: (i: number, n: number) => `（${i}/${n}）`,
  mergedReceipts: (parts: string[], suffix: string) => `已收到：${parts.join('、')} 的${suffix}`,
  /** When the outbox could not deliver a command's file. */
  fileTooLarge: (name: string, size: number, max: number) =>
    `文件 ${name} 有 ${mb(size)}，超过机器人可发送的上限 ${mb(max)}，未能发送。请缩短期间后重试。`,
  fileFailed: (name: string) => `文件 ${name} 发送失败，请稍后再试。`,
}
