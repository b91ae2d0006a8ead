/** Sentences of the verify-code login step (WorkPro through the Juzi client). */
export const VERIFY = {
  /** To the operator, through the alert channel. */
  needed: (wrong: boolean) =>
    (wrong ? '验证码错误，请重新输入。' : '企业微信登录需要验证码：请查看登录手机收到的 6 位验证码。') +
    '在服务器上运行 npm run verify-code -- 123456（换成收到的验证码），或由管理员私聊机器人发送：#验证码 123456',
  expired: '验证码已过期，机器人会等待服务端重新发送验证码。',
  entered: '验证码已提交',
  enterFailed: '验证码提交失败',
  /** Replies to #验证码. */
  usage: '#验证码 <6位数字>',
  badCode: '验证码应为 6 位数字，例如：#验证码 123456',
  submitted: '验证码已提交，请稍候查看登录是否成功。',
  notAsked: '当前没有等待输入的验证码。',
  notSupported: '当前的连接方式不需要验证码。',
  privateOnly: '验证码请私聊机器人发送，不要发在群里。',
  /** scripts/verify-code.ts */
  scriptUsage: '用法：npm run verify-code -- 123456（换成手机收到的 6 位验证码）',
  scriptSaved: (path: string) => `验证码已交给机器人（${path}），正在运行的机器人会在几秒内提交。`,
}
