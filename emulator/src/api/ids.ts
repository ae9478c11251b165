/** Identifier and etag formats as recorded (recordings-catalogue.md §6). */
import { randomBytes, randomUUID } from 'node:crypto'

/** Product and variant ids: version-4 GUIDs. */
export const newGuid = (): string => randomUUID()

/** Instance, listing, image, package and configuration ids: GUID-shaped, not version 4. */
export function newResourceId(): string {
  const h = randomBytes(16).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** A Cosmos DB etag with its quotes: `"<8 hex>-0000-0800-0000-<unix seconds in 8 hex>0000"`. */
export function newEtag(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return `"${randomBytes(4).toString('hex')}-0000-0800-0000-${seconds}0000"`
}

/** Submission ids are 19-digit numeric strings (ingestion-v1.md §4.2: "1152921505697735884"). */
export function submissionId(sequence: number): string {
  return (1152921505697735000n + BigInt(sequence)).toString()
}
