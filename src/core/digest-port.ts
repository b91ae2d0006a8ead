/** Who has switched the weekly digest off for themselves (#周报 关闭); kept across restarts. */
export interface DigestPrefsPort {
  /** True when the person asked not to receive the weekly digest. */
  digestOff(contactId: string): boolean
  /** Switches the digest off or back on for one person; resolves with false when nothing changed. */
  setDigestOff(contactId: string, off: boolean): Promise<boolean>
}
