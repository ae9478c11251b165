/**
 * How a file is sent, from its size alone (pure): one Put Blob wherever the storage version we
 * send allows it (5000 MiB), else blocks. One streamed request is the default because:
 * - the upload hosts are Azure Front Door hosts since 2026-08, and whether they take
 *   `comp=block` is untested (ingestion-v1.md §6 [X]), while a Put Blob is what Microsoft's own
 *   action sends and what the recordings show;
 * - through the emulator it keeps level with `@azure/storage-blob`'s `uploadFile` up to 256 MiB
 *   and is faster above (measured up to 1000 MiB, docs/benchmarks.md), where 8 MiB blocks above
 *   64 MiB ran at half its speed;
 * - its memory does not grow with the file (a few slices in flight, file-read.ts).
 * Blocks remain for files over the version's limit and as the fallback when a host refuses the
 * size of a single put (index.ts).
 */
import {
  DEFAULT_BLOCK_SIZE,
  DEFAULT_CONCURRENCY,
  MAX_BLOCK_BYTES,
  MAX_BLOCKS,
  MAX_SINGLE_PUT_BYTES
} from './storage-version.js'

const MiB = 1024 * 1024

export interface BlockPlan {
  blockSize: number
  concurrency: number
}

export type UploadPlan = { mode: 'single' } | ({ mode: 'blocks' } & BlockPlan)

export interface PlanOptions {
  /** Files up to this size go in one Put Blob. Default and ceiling: the version's limit. */
  singlePutLimit?: number
  /** Default 4 MiB; raised automatically if the file would need more than 50,000 blocks. */
  blockSize?: number
  /** Blocks in flight at once. Default 4. */
  concurrency?: number
}

export function planUpload(size: number, options: PlanOptions = {}): UploadPlan {
  const limit = Math.min(options.singlePutLimit ?? MAX_SINGLE_PUT_BYTES, MAX_SINGLE_PUT_BYTES)
  return size <= limit ? { mode: 'single' } : { mode: 'blocks', ...planBlocks(size, options) }
}

/** The blocks for a file of `size`: also what the uploader falls back to after a refusal. */
export function planBlocks(size: number, options: PlanOptions = {}): BlockPlan {
  return {
    blockSize: chooseBlockSize(size, options.blockSize ?? DEFAULT_BLOCK_SIZE),
    concurrency: Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY))
  }
}

/**
 * The requested block size, within the version's block limit; when the file would need more
 * than 50,000 blocks of that size, the smallest whole number of MiB that fits instead.
 */
function chooseBlockSize(size: number, requested: number): number {
  const wanted = Math.max(1, Math.floor(requested))
  if (Math.ceil(size / wanted) <= MAX_BLOCKS) return Math.min(wanted, MAX_BLOCK_BYTES)
  return Math.min(MAX_BLOCK_BYTES, Math.ceil(size / MAX_BLOCKS / MiB) * MiB)
}
