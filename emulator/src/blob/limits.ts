/**
 * Azure Storage request-body limits that Azurite does not enforce (ingestion-v1.md §6). They
 * depend on the service version that runs the request: the `x-ms-version` header when sent
 * (recorded), otherwise the SAS `sv` (inferred); see versionInEffect in front.ts.
 */

const MiB = 1024 * 1024

export interface BodyLimit {
  /** Largest body allowed, in bytes. */
  maxBytes: number
  version: string
}

/** Limits per version, newest first: [first version, max Put Blob, max Put Block]. */
const LIMITS: Array<[since: string, putBlob: number, putBlock: number]> = [
  ['2019-12-12', 5000 * MiB, 4000 * MiB],
  ['2016-05-31', 256 * MiB, 100 * MiB],
  ['', 64 * MiB, 4 * MiB]
]

/** Put Blob (a PUT without `comp`) and Put Block (`comp=block`): the requests that carry blob data. */
export function carriesBlobData(method: string | undefined, comp: string | null): boolean {
  return method === 'PUT' && (comp === null || comp === 'block')
}

/**
 * The body limit of a request, or undefined when it has none (no blob data, or no version to
 * judge by). `version` is the one in effect.
 */
export function bodyLimitFor(
  method: string | undefined,
  comp: string | null,
  version: string | undefined
): BodyLimit | undefined {
  if (!carriesBlobData(method, comp) || !version) return undefined
  const [, putBlob, putBlock] =
    LIMITS.find(([since]) => version >= since) ?? LIMITS[LIMITS.length - 1]
  return { maxBytes: comp === 'block' ? putBlock : putBlob, version }
}
