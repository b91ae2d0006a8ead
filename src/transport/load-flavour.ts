/**
 * Loads the configured client flavour on demand (see flavour.ts): a process imports one flavour's
 * module, and with it one client and its gRPC stubs.
 */
import type { Flavour, FlavourName } from './flavour.js'

/** Imports the chosen flavour's module (and with it its client and gRPC stubs). */
export async function loadFlavour(name: FlavourName): Promise<Flavour> {
  if (name === '@juzi/wechaty-puppet-service') {
    const { juziFlavour } = await import('./flavour-juzi.js')
    return juziFlavour()
  }
  const { vanillaFlavour } = await import('./flavour-vanilla.js')
  return vanillaFlavour()
}
