/** Reads a PNG's width and height from its IHDR chunk, the first chunk of every PNG. */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The first 24 bytes are enough: signature (8), IHDR length (4), type (4), width (4), height (4). */
export const PNG_HEADER_BYTES = 24

export function pngSize(head: Buffer): { width: number; height: number } | undefined {
  if (head.length < PNG_HEADER_BYTES || !head.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined
  if (head.toString('ascii', 12, 16) !== 'IHDR') return undefined
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) }
}
