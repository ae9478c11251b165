/**
 * What a running emulator is made of, as the request handler and the admin routes see it. The
 * model and Entra are replaced on reset and on a new seed; the rest lives as long as the
 * process.
 */
import type { ApiContext, EmulatorConfig, IngestionModel, Seed } from '../api/contract.js'
import type { BlobStore } from '../blob/index.js'
import type { Entra } from '../entra/index.js'
import type { Faults } from '../faults.js'
import type { ProductIngestionModel } from '../product-ingestion/index.js'
import type { RequestLog } from '../request-log.js'
import type { SpecValidator } from '../validate/spec.js'

export interface Runtime {
  readonly seed: Seed
  readonly model: IngestionModel
  /** The Graph product-ingestion API's model (emulator/src/product-ingestion/). */
  readonly productIngestion: ProductIngestionModel
  readonly entra: Entra
  readonly config: EmulatorConfig
  readonly context: ApiContext
  readonly faults: Faults
  readonly log: RequestLog
  readonly blob: BlobStore
  readonly validator: SpecValidator
  /** Check each API reply against the spec's response schema (--check-replies). */
  readonly checkReplies: boolean
  /** A line on stderr (the request log, unexpected errors); silenced by --quiet for requests. */
  readonly logLine: (line: string) => void
  /** Both models' state as one JSON value: GET /_emulator/state, and what --state-dir saves. */
  snapshot(): unknown
  /** Fresh model from the seed (a new one when given), empty request log, no faults. */
  reset(seed?: Seed): void
}
