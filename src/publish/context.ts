/**
 * What every publish step receives: the API, the clock, the run's cancellation signal and time
 * budget, the upload function, and the offer's journal (changes, packages, timeline) that the
 * report is built from.
 */
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import type { IngestionApi } from '../ingestion/api.js'
import { createDryRun } from '../ingestion/dry-run/index.js'
import type { OfferIdentity, OfferSpec, ResolvedFile } from '../manifest/model.js'
import type { ProductIngestionApi } from '../product-ingestion/api.js'
import type { Settings } from '../settings.js'
import type { Change, OfferResult, PlannedRequest } from './result.js'
import type { ContentCheck } from './submitted-content.js'
import { formatBytes } from './units.js'

export interface UploadStats {
  bytes: number
  ms: number
}

/**
 * Uploads one local file to a SAS URL exactly as the service issued it. Not stopped by the run's
 * cancellation signal: an upload in progress finishes (within the entry point's grace period) so
 * the package can still be marked Uploaded.
 */
export type UploadFn = (file: ResolvedFile, sasUrl: string) => Promise<UploadStats>

export interface PublishDeps {
  api: IngestionApi
  /** The Graph product-ingestion API; present when the run has an offer of its types. */
  productIngestion?: ProductIngestionApi
  settings: Settings
  clock: Clock
  /** Aborted on SIGINT/SIGTERM: steps finish the current call and start no new write. */
  signal: AbortSignal
  /** Epoch ms at which the `timeout-minutes` budget ends. */
  deadline: number
  upload: UploadFn
  /** Progress lines; the reporter prefixes the offer and the elapsed time. */
  progress: (offerId: string, message: string) => void
  warn: (offerId: string, message: string) => void
  /** Debug lines (stack traces of unexpected errors, already redacted); dropped unless debugging. */
  debug: (line: string) => void
  /** Collapsible log groups (one per offer when offers run one at a time). */
  group?: { start: (name: string) => void; end: () => void }
  /** Files uploaded at once within one offer (packages of several plans, images). */
  uploadConcurrency: number
  /** Records each offer's publish or follow elsewhere (GitHub deployments); absent: nowhere. */
  tracker?: OfferTracker
}

/**
 * Told when an offer's publish starts, when a follow picks an offer up, and how each ended.
 * Implemented by src/github/deployments.ts; it never fails the offer (problems are warnings).
 */
export interface OfferTracker {
  /** A publish of the offer starts. */
  started(offerId: string): Promise<void>
  /**
   * A follow of the offer starts. Resolves with whether a publish's record is still open (true),
   * every record is closed (false: a finished submission was already reported), or that cannot
   * be known (undefined).
   */
  resumed(offerId: string): Promise<boolean | undefined>
  /** The offer's result for this run: the record ends, or stays open while the submission runs. */
  finished(result: OfferResult): Promise<void>
}

/**
 * One offer being published (or followed: then only its identity is known, no files): the shared
 * dependencies plus this offer's journal. `Offer` is the offer's model: OfferSpec for the
 * Ingestion API sequence, AnyOfferSpec before the driver is picked. Steps that need no more than
 * the identity take `OfferRun<OfferIdentity>`, so both a publish and a follow, of either API, can
 * call them.
 *
 * In a dry run the offer's API client and upload record each write in `result.requests` instead
 * of sending it (src/ingestion/dry-run): the steps run the same sequence either way.
 */
export class OfferRun<Offer extends OfferIdentity = OfferSpec> {
  readonly result: OfferResult
  readonly api: IngestionApi
  private readonly uploadFile: UploadFn
  /** Whether an id stands for something a dry run would create (no such id exists yet). */
  readonly isPlaceholder: (id: string | undefined) => boolean

  constructor(
    readonly deps: PublishDeps,
    readonly offer: Offer
  ) {
    this.result = {
      offerId: offer.offerId,
      status: 'failed',
      previewLinks: [],
      changes: [],
      packages: [],
      timeline: [],
      errors: []
    }
    const requests: PlannedRequest[] = []
    const dryRun = deps.settings.dryRun
      ? createDryRun({
          reads: deps.api,
          baseUrl: deps.settings.apiBaseUrl,
          record: request => requests.push(request)
        })
      : undefined
    if (dryRun) this.result.requests = requests
    this.api = dryRun?.api ?? deps.api
    this.uploadFile = dryRun?.upload ?? deps.upload
    this.isPlaceholder = dryRun?.isPlaceholder ?? (() => false)
  }

  /** Uploads a file to the URL the service issued for it (`what`: `package standard`). */
  async upload(file: ResolvedFile, sasUrl: string, what: string): Promise<void> {
    const stats = await this.uploadFile(file, sasUrl)
    // A dry run's record line already said it would upload.
    if (!this.dryRun)
      this.log(`${what}: uploaded ${formatBytes(stats.bytes)} in ${(stats.ms / 1000).toFixed(1)} s`)
  }

  get dryRun(): boolean {
    return this.deps.settings.dryRun
  }

  /** The last progress line: where a cancelled run was when the signal came. */
  lastActivity = 'starting'

  /**
   * What the manifest states about each draft this run manages, checkable on any instance of its
   * module: registered by the steps, compared with existing submissions (submitted-content.ts).
   */
  readonly contentChecks: ContentCheck[] = []

  log(message: string): void {
    this.lastActivity = message
    this.deps.progress(this.offer.offerId, message)
  }

  warn(message: string): void {
    this.deps.warn(this.offer.offerId, message)
  }

  /** Records a change; in a dry run this is the plan line and nothing is written. */
  record(change: Change): void {
    this.result.changes.push(change)
    const fields = change.fields?.length ? ` (${change.fields.join(', ')})` : ''
    this.log(`${this.dryRun ? 'would ' : ''}${change.action} ${change.subject}${fields}`)
  }

  /**
   * Called right before every write. A cancelled run stops here, between calls, so nothing is
   * left half-done by this process; `step` names where it stopped for the report.
   */
  beforeWrite(step: string): void {
    if (this.deps.signal.aborted) {
      this.result.stoppedAt = step
      throw new PublishError('CANCELLED', `Cancelled before: ${step}.`, {
        offerId: this.offer.offerId,
        hint: 'Nothing half-written was left behind. Re-running picks up from there: processed packages are reused, and an in-progress submission of the same release is adopted when it can be recognised (otherwise use `on-conflict: wait`).'
      })
    }
  }
}
