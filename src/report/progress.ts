/** Progress lines: `[contoso-analytics] 00:03.2 package standard: uploaded 1.2 MiB in 0.4 s`. */
import type { Clock } from '../clock.js'
import { formatElapsed } from '../publish/units.js'
import type { ReportSink } from './sink.js'

export interface ProgressReporter {
  progress(offerId: string, message: string): void
  warn(offerId: string, message: string): void
}

export function createProgressReporter(
  sink: ReportSink,
  clock: Clock,
  startedAt: number
): ProgressReporter {
  const stamp = (): string => formatElapsed(clock.now() - startedAt)
  return {
    progress: (offerId, message) => sink.info(`[${offerId}] ${stamp()} ${message}`),
    warn: (offerId, message) =>
      sink.warning(`[${offerId}] ${message}`, { title: `Offer ${offerId}` })
  }
}
