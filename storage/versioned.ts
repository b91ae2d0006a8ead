/**
 * One versioned update for every kind of site record: the record as it now is replaces the one
 * with the same key, and the one it replaces goes into its history (all its fields but the key
 * and the history itself). A record not there yet is added with an empty history.
 */
export type Versioned = { history: object[] }

/** The previous version of `prev`: the record without its key fields and its history. */
export function versionOf<R extends Versioned, K extends keyof R>(
  prev: R,
  key: readonly K[],
): R['history'][number] {
  const dropped = new Set<PropertyKey>(['history', ...key])
  const version = Object.fromEntries(Object.entries(prev).filter(([k]) => !dropped.has(k)))
  return version as R['history'][number]
}

/**
 * Puts `next` (its history left out: it is made here) into `list` in place of the record with the
 * same `key`, keeping that one's version; returns the record as stored.
 */
export function putVersion<R extends Versioned, K extends keyof R>(
  list: R[],
  key: readonly K[],
  next: Omit<R, 'history'>,
  same: (r: R) => boolean = (r) => key.every((k) => r[k] === (next as R)[k]),
): R {
  const i = list.findIndex(same)
  const prev = list[i]
  const record = { ...next, history: prev ? [...prev.history, versionOf(prev, key)] : [] } as R
  if (prev) list[i] = record
  else list.push(record)
  return record
}

/**
 * Changes the record `same` finds with `change` (kept fields plus the new values), keeping its
 * version; undefined when there is none or `change` declines (returns undefined).
 */
export function changeVersion<R extends Versioned, K extends keyof R>(
  list: R[],
  key: readonly K[],
  same: (r: R) => boolean,
  change: (prev: R) => Partial<Omit<R, 'history' | K>> | undefined,
): R | undefined {
  const i = list.findIndex(same)
  const prev = list[i]
  const values = prev && change(prev)
  if (!prev || !values) return undefined
  const record = { ...prev, ...values, history: [...prev.history, versionOf(prev, key)] } as R
  list[i] = record
  return record
}
