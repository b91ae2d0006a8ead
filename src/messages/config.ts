/** Sentences about the configuration (.env / environment): each names the variable and the fix. */
export const CFG = {
  /** The coordination room's name, looked for on first start (COORDINATION_ROOM_TOPIC). */
  defaultRoomTopic: '大连市工青妇基层组织协同创新发展',
  boolean: '只能是 true 或 false',
  integer: '应为整数',
  atLeast: (min: number) => `不能小于 ${min}`,
  atMost: (max: number) => `不能大于 ${max}`,
  hhmm: '应为 24 小时制“时:分”，例如 09:30',
  notEmpty: '不能为空',
  adminCode: '应为 6–64 位字母、数字或连字符',
  keywords: '至少写一个关键词，用逗号分隔',
  logLevel: '只能是 debug、info、warn 或 error',
  puppet:
    '只能是 wechaty-puppet-service（真实微信）、@juzi/wechaty-puppet-service（句子互动 WorkPro 企业微信）或 wechaty-puppet-mock（控制台群）',
  token: '格式应为“前缀_编号”，例如 insecure_1f2e3d4c-…（最后一个“_”之前须有前缀）',
  endpoint: '格式应为“主机:端口”，例如 127.0.0.1:8788',
  zeroOrAtLeast: (min: number) => `应为 0（关闭）或不小于 ${min}`,
  url: '应为以 http:// 或 https:// 开头的网址',
  smtpUrl: '应为 smtp:// 或 smtps:// 开头的地址，例如 smtps://用户名:密码@smtp.example.com:465',
  email: '应为邮箱地址，多个用逗号分隔',
  emailNeedsBoth: 'ALERT_SMTP_URL 与 ALERT_EMAIL_TO 须同时填写（发信服务器和收件人），或都不填。',
  /** The value as shown in a problem line; secrets are never shown. */
  hidden: '（已隐藏）',
  shown: (value: string) => `“${value}”`,
  problem: (key: string, shown: string, message: string) => `${key}=${shown}：${message}`,
  invalid: (problems: string[]) =>
    `配置有误，机器人未启动：\n${problems.map((p) => `- ${p}`).join('\n')}\n请修改 .env 或环境变量后重试（可参考 .env.example）。`,
  serviceNeedsToken:
    'WECHATY_PUPPET=wechaty-puppet-service 需要 WECHATY_PUPPET_SERVICE_TOKEN：请填写服务商提供的 token；若只想在本机试用，删除 WECHATY_PUPPET 即可进入控制台群。',
} as const
