/** What the console group says to the person at the terminal (not what the bot says in the room). */

export const CONSOLE = {
  /** The bot's name in the console group. */
  botName: '工青妇协同助手',
  /** Who speaks first in a new console group. */
  firstSpeaker: '张三',
  help: [
    '控制台群：您在模拟的工作群中发言，机器人与真实微信中的行为相同。',
    '  直接输入        以当前身份在群里发言，例如：#注册 张三 日新街道 妇联',
    '  @姓名           提到群成员，与微信中 @ 某人相同，例如：#任命 组长 @张三 第二组',
    '  @助手 文本      @机器人发言',
    '  /as 姓名        切换发言人（不在群里的会先被拉进群）',
    '  /add 姓名       拉人进群',
    '  /dm 文本        以当前身份私聊机器人',
    '  /link 标题      分享一篇公众号文章（标题含“创建信息”等关键词的直接计入）',
    '  /file 文件      分享一个文件或图片（可写本机路径，或只写文件名）',
    '  /who            查看群成员',
    '  /help           查看本说明',
    '  /quit           退出',
  ].join('\n'),
  /** The bot's @-name people may type: @助手 is short for the bot's own name. */
  botShortName: '助手',
  entered: (topic: string, dataDir: string) => `已进入控制台群“${topic}”。数据目录：${dataDir}`,
  logFile: (path: string) => `运行日志写入：${path}（不显示在对话中）`,
  filesFolder: (path: string) => `机器人发送的文件保存在：${path}`,
  restored: (names: string[]) =>
    `上次的群成员已回到群里（${names.length} 人）：${names.join('、')}。用 /as 姓名 继续以其身份发言。`,
  bot: (botName: string) => `【${botName}】`,
  botPrivate: (botName: string, to: string) => `【${botName} → 私聊 ${to}】`,
  fileSent: (name: string, path: string) => `［文件］${name}\n已保存到：${path}`,
  fileUnreadable: (id: string) => `［文件］（未能保存，见运行日志：${id}）`,
  members: (names: string[], speaker: string) =>
    `群成员 ${names.length} 人：${names.join('、')}（当前发言：${speaker}）`,
  usage: (cmd: string) => `用法：${cmd} ${cmd === '/link' ? '标题' : cmd === '/file' ? '文件' : '姓名'}`,
  unknownMention: (names: string[]) =>
    `（提示：${names.map((n) => '@' + n).join('、')} 不是群成员，按普通文字发出；可先 /add 姓名 拉其进群）`,
  simulatedFile: (path: string) => `（控制台群模拟文件：${path}）`,
  alreadyIn: (name: string) => `${name} 已在群里，无需再拉。用 /as ${name} 以其身份发言。`,
  quit: '已退出控制台群。',
}
