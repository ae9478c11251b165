/** What the product-ingestion model needs from the emulator around it. */
import type { Faults } from '../faults.js'
import type { ProductIngestionConfig } from './config.js'
import type { ResourceSchemas } from './schemas.js'

export interface PiContext {
  /** e.g. `http://127.0.0.1:8645`; `@nextLink`s are absolute on it. */
  origin(): string
  /** Real time in ms; durations are realistic seconds divided by `config.speed`. */
  now(): number
  /** The emulator's config object, read live (PUT /_emulator/config changes it). */
  config: { speed: number; pageSize: number } & ProductIngestionConfig
  faults: Faults
  schemas: ResourceSchemas
}

/** Realistic durations in seconds (product-ingestion.md §4.2, §6; inferred where no figure exists). */
export const SECONDS = {
  /** A job is `notStarted` this long. */
  jobStart: 5,
  /** Draft edits take "seconds to minutes" (§4.2). */
  jobProcessing: 60,
  /** Preview: validation then certification, as the v1 emulator times them. */
  previewPublish: 300 + 3600,
  livePublish: 3600
} as const

export const simulatedMs = (context: PiContext, seconds: number): number =>
  scaledMs(seconds, context.config.speed)

/** Realistic seconds as ms at `speed`. */
export const scaledMs = (seconds: number, speed: number): number => (seconds * 1000) / speed

/** The service's timestamps: seven fractional digits, `Z` ("2022-01-25T07:13:06.4408032Z"). */
export function serviceTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')
}

/** `jobEnd` until a job ends: the .NET minimum date (§4.1). */
export const NOT_ENDED = '0001-01-01T00:00:00'
