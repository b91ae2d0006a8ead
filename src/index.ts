/** Public entry: the Wechaty plugin and what it needs. */
export { GqfBot, type GqfBotOptions, type GqfBotHandle } from './plugin.js'
export { openRepository } from '../storage/repository.js'
export type { Repository } from './core/ports.js'
export { readConfig, loadDotenv, ConfigError, type Config } from './config.js'
export { createCore, type Core } from './core/handle.js'
export type { Incoming, Reply, Command } from './core/types.js'
export { builtinCommands } from '../commands/index.js'
