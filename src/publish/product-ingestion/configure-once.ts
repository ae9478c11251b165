/**
 * One configure request under the write rule of every write (write-once.ts). The POST is never
 * repeated blindly: a replay starts a second job (product-ingestion.md §4.8). After an ambiguous
 * failure (5xx, timeout, lost reply), or a 409 (another job holds the product, perhaps the job of
 * our own earlier send), the offer is read back and the next step decided from it:
 *
 * - each resource the request meant to write holds what it meant, and the submission it carried
 *   exists (nothing of the same kind is left to send) → applied: the driver goes on from there;
 * - what is left to send is of the same kind (the resources still as they were read, or the
 *   submission not made yet) → not applied: that is sent again;
 * - a resource it meant to write now holds something else → CONCURRENT_CHANGE, nothing is sent.
 *
 * The job applies a request some time after the reply, so the read-back after an ambiguous
 * failure waits first (`appliesLater`); a 409 is waited out within the time budget
 * (`waitWhileHeld`). A 400 with `details` is CONFIGURE_FAILED, each problem at its manifest line.
 */
import { isPublishError, type PublishError } from '../../errors.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { ConfigureStatus } from '../../product-ingestion/types.js'
import { writeOnce, type ReadBack } from '../write-once.js'
import { sameContent } from './compare.js'
import type { Reading, SendStep, Step } from './converge.js'
import { failure, problemsOf } from './job-errors.js'
import type { OfferIdentity } from '../../manifest/model.js'
import type { OfferRun } from '../context.js'
import type { PlannedWrite } from './writes.js'

export interface ConfigureRequest {
  step: SendStep
  /** The reading the step was decided from: its source map places a refused body's problems. */
  reading: Reading
  /** Reads the offer again and decides the next step (converge's round). */
  reread: () => Promise<{ reading: Reading; step: Step }>
  /** Waits for the job that holds the product (a 409), within the time budget. */
  waitWhileHeld: (error: PublishError) => Promise<void>
  /** Called before each send with the step sent (the first, or what a read-back left to send). */
  onSend: (step: SendStep) => void
}

export type Configured =
  /** The service accepted the request: its job, the step it carries, the reading it came from. */
  | { kind: 'accepted'; job: ConfigureStatus; step: SendStep; reading: Reading }
  /** A read-back found the request applied: the offer as read then, and the next step. */
  | { kind: 'applied'; reading: Reading; next: Step }

export function configureOnce(
  run: OfferRun<OfferIdentity>,
  api: ProductIngestionApi,
  request: ConfigureRequest
): Promise<Configured> {
  let { step, reading } = request
  return writeOnce<Configured>(run, {
    what: `configure offer "${run.offer.offerId}" (${step.purpose})`,
    send: async () => {
      request.onSend(step)
      try {
        return { kind: 'accepted', job: await api.configure(step.resources), step, reading }
      } catch (error) {
        throw refusedBody(run, error, reading)
      }
    },
    settles: ['ambiguous', 'conflict'],
    appliesLater: true,
    waitWhileHeld: request.waitWhileHeld,
    readBack: async (error, why): Promise<ReadBack<Configured>> => {
      if (why === 'ambiguous')
        run.log(
          `the configure request failed in transit (${error.message}); reading the offer back`
        )
      const fresh = await request.reread()
      const changed = changedByOthers(step.writes, fresh.reading.writes)
      if (changed.length) {
        return {
          kind: 'changed-by-others',
          changed: changed.map(w => w.subject).join(', '),
          source: changed[0].source
        }
      }
      const next = fresh.step
      if (next.kind === 'send' && next.purpose === step.purpose) {
        step = next
        reading = fresh.reading
        return { kind: 'not-applied' }
      }
      return {
        kind: 'applied',
        value: { kind: 'applied', reading: fresh.reading, next },
        note: 'the offer shows what it meant'
      }
    }
  })
}

/**
 * The resources the request meant to write that now hold something other than what it read:
 * someone else's change. One the request applied is no longer in the diff; one still as read
 * (the same content, or still absent) is sent again.
 */
function changedByOthers(sent: readonly PlannedWrite[], now: readonly PlannedWrite[]) {
  return sent.filter(write => {
    const again = now.find(w => w.subject === write.subject)
    if (!again) return false
    return write.before && again.before
      ? !sameContent(write.before, again.before)
      : Boolean(write.before) !== Boolean(again.before)
  })
}

/** A 400 with `details` (the body does not fit the schemas): one problem per detail, at its line. */
function refusedBody(run: OfferRun<OfferIdentity>, error: unknown, reading: Reading): unknown {
  if (!isPublishError(error) || error.code !== 'HTTP_STATUS') return error
  const details = error.details.serviceDetails
  if (error.details.status !== 400 || !details?.length) return error
  return failure(
    'CONFIGURE_FAILED',
    `Partner Center refused the configure request of offer "${run.offer.offerId}": ${error.message}`,
    problemsOf(details, reading.where),
    {
      offerId: run.offer.offerId,
      hint: 'Fix the manifest fields named below; nothing was changed in Partner Center.',
      ...(error.details.requestId ? { requestId: error.details.requestId } : {})
    }
  )
}
