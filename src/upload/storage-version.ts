/**
 * The Blob Storage service version our upload requests ask for, and the size limits that follow.
 *
 * A sent `x-ms-version` header sets the version that runs the request, whatever the SAS `sv` says
 * (ingestion-v1.md §6 [REC]: a Put Blob with `x-ms-version: 2021-08-06` on an `sv=2018-03-28`
 * ingestion SAS was answered `x-ms-version: 2021-08-06`). We send 2021-08-06 because:
 * - it is the very version seen accepted by the real ingestion upload host in that recording, on
 *   the same kind of SAS the API issues today, so we know a real SAS host takes it;
 * - it is at or above 2019-12-12, so single puts up to 5000 MiB and blocks up to 4000 MiB are
 *   allowed: every package or image of a sane size goes in one Put Blob (upload-plan.ts);
 * - Azurite (the emulator's backing store) supports it without `--skipApiVersionCheck`.
 * Whether the Azure Front Door upload hosts seen since 2026-08 honour the header is not known
 * (ingestion-v1.md §6 [X]). One that applied the SAS `sv` (2018-03-28: 256 MiB) instead would
 * refuse a larger single put with 413, and the uploader then sends blocks of a size every version
 * accepts (index.ts).
 */
export const STORAGE_VERSION = '2021-08-06'

const MiB = 1024 * 1024

/** Largest Put Blob the version above allows. */
export const MAX_SINGLE_PUT_BYTES = 5000 * MiB

/** Largest Put Block the version above allows. */
export const MAX_BLOCK_BYTES = 4000 * MiB

/** Blocks one blob may have (every version). */
export const MAX_BLOCKS = 50_000

/**
 * 4 MiB: the largest block every storage version accepts (versions before 2016-05-31 allow no
 * more), so blocks sent after a host refused a single put are safe whatever version it applies.
 * The same default as @azure/storage-blob's `uploadFile`.
 */
export const DEFAULT_BLOCK_SIZE = 4 * MiB

export const DEFAULT_CONCURRENCY = 4
