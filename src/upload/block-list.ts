/**
 * Block ids and the Put Block List body. Storage requires every block id of a blob to be base64
 * of the same number of bytes (at most 64 before encoding), so ids are fixed-width counters.
 */

const ID_DIGITS = 6 // 50,000 blocks at most per blob: 5 digits would do, 6 keeps it obvious

/**
 * Base64 id of block `index`: `block-000042` is 12 bytes, a multiple of 3, so the base64 has no
 * `=` padding and only letters and digits (still percent-encoded when put in a query).
 */
export function blockId(index: number): string {
  return Buffer.from(`block-${String(index).padStart(ID_DIGITS, '0')}`).toString('base64')
}

/** Body of Put Block List committing `ids` in order, each as the latest uploaded version. */
export function blockListXml(ids: readonly string[]): string {
  const latest = ids.map(id => `<Latest>${id}</Latest>`).join('')
  return `<?xml version="1.0" encoding="utf-8"?><BlockList>${latest}</BlockList>`
}
