/** #验证码: an admin enters the 6-digit verify code a WorkPro login asks for (privately). */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { VERIFY } from '../../src/messages/verify-code.js'

const SIX_DIGITS = /^\d{6}$/

export const verifyCode = defineCommand({
  name: '验证码',
  aliases: ['登录验证码'],
  usage: VERIFY.usage,
  summary: '输入企业微信登录所需的手机验证码',
  details: ['仅管理员可用，请私聊机器人发送。服务器上也可运行 npm run verify-code -- 123456。'],
  examples: ['#验证码 123456'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => a.tokens.join('')),
  run({ deps, incoming }, code) {
    if (incoming.conversation.kind !== 'private') return [{ text: VERIFY.privateOnly }]
    if (!SIX_DIGITS.test(code)) return [{ text: VERIFY.badCode }]
    if (!deps.verifyCode) return [{ text: VERIFY.notSupported }]
    const result = deps.verifyCode.submit(code)
    deps.logger.info('verify code from an admin', { result })
    return [{ text: result === 'submitted' ? VERIFY.submitted : VERIFY.notAsked }]
  },
})
