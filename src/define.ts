/**
 * Idempotent custom-element registration. A page may load two copies of the bundle
 * (a textbook chapter plus an LMS wrapper): the second define is a no-op, never a throw.
 */
export const LIBRARY_VERSION = '0.1.0';

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) {
      const theirs = (existing as unknown as { mlsVersion?: string }).mlsVersion;
      if (theirs && theirs !== LIBRARY_VERSION) {
        console.warn(`mlsys-labs: <${tag}> is already defined by version ${theirs}; keeping it (this copy is ${LIBRARY_VERSION}).`);
      }
    }
    return;
  }
  (ctor as unknown as { mlsVersion?: string }).mlsVersion = LIBRARY_VERSION;
  customElements.define(tag, ctor);
}
