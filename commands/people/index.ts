/** Feature people: registration, roles and who is who. */
import type { Feature } from '../../src/core/feature.js'
import { adminAuth } from './admin-auth.js'
import { appoint } from './appoint.js'
import { dismiss } from './dismiss.js'
import { myInfo } from './my-info.js'
import { org } from './org.js'
import { register } from './register.js'
import { roles } from './roles.js'
import { unregistered } from './unregistered.js'

export const peopleFeature: Feature = {
  name: 'people',
  commands: [register, myInfo, adminAuth, org, unregistered, roles, appoint, dismiss],
}
