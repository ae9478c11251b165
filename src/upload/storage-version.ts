/**
 * The Blob Storage service version our upload requests ask for, and the size limits that follow.
 *
 * A sent `x-ms-version` header sets the version that runs the request, whatever the SAS `sv` says
 * (ingestion-v1.md §6 [REC]: a Put Blob with `x-ms-version: 2021-08-06` on an `sv=2018-03-28`
 * ingestion SAS was answered `x-ms-version: 2021-08-06`). We send 2021-08-06 because:
 * - it is the very version seen accepted by the real ingestion upload host in that recording, on
 *   the same kind of SAS the API issues today, so we know a real SAS host takes it;
 * - it is at or above 2019-12-12, so single puts up to 5000 MiB and blocks up to 4000 MiB are
 *   allowed; our defaults (64 MiB single put, 8 MiB blocks) stay far below even the 2018-03-28
 *   limits, so a host that ignored the header and fell back to `sv` would still accept them;
 * - Azurite (the emulator's backing store) supports it without `--skipApiVersionCheck`.
 * Whether the Azure Front Door upload hosts seen since 2026-08 honour the header is not known
 * (ingestion-v1.md §6 [X]); the defaults above are chosen to be safe either way.
 */
export const STORAGE_VERSION = '2021-08-06'

const MiB = 1024 * 1024

/** Largest Put Blob the version above allows. */
export const MAX_SINGLE_PUT_BYTES = 5000 * MiB

/** Largest Put Block the version above allows. */
export const MAX_BLOCK_BYTES = 4000 * MiB

/** Blocks one blob may have (every version). */
export const MAX_BLOCKS = 50_000

/** 64 MiB: the single-put limit of every storage version, old or new. */
export const DEFAULT_SINGLE_PUT_LIMIT = 64 * MiB

/** 8 MiB: small enough to retry cheaply, large enough to keep requests per GiB low (128). */
export const DEFAULT_BLOCK_SIZE = 8 * MiB

export const DEFAULT_CONCURRENCY = 4
