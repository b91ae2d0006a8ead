/** Feature reminders: reminders, the weekly digest and the holiday calendar. */
import type { Feature } from '../../src/core/feature.js'
import { holidays } from './holidays.js'
import { reminderSettings } from './reminder-settings.js'
import { reminders } from './reminders.js'
import { weekly } from './weekly.js'

export const remindersFeature: Feature = {
  name: 'reminders',
  commands: [reminders, weekly, reminderSettings, holidays],
}
