/**
 * A key for matching organization names: case, accents, punctuation and common legal suffixes
 * do not make two organizations different ("ACME, Inc." and "Acme Inc" are one).
 */
export function organizationKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|sa|ag|bv)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
