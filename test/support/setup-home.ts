// The puppet-service client caches payloads under ~/.wechaty: keep tests out of the real home.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { log } from 'wechaty'

process.env['HOME'] = mkdtempSync(join(tmpdir(), 'gqf-home-'))
log.level('silent')
