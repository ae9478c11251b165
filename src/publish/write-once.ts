/**
 * The one rule every write follows (PUT with If-Match, the creating POSTs, the reseller POST,
 * promote, DELETE): when its reply does not say whether it took effect, read the resource back and
 * compare it with what the write meant, before deciding anything.
 *
 * - An ambiguous failure — a 5xx, a timeout, a connection lost after the body was sent — may come
 *   after the service applied the write: gateways answer 502/503/504, or drop the connection, when
 *   the service itself was only slow. The transport retries PUTs, the reseller POST and DELETEs
 *   on its own (a creating POST and promote it never repeats blindly).
 * - So a 412/409 on a PUT, or a 404 on a DELETE, may be the answer to the transport's *second*
 *   attempt of our own write whose first attempt took effect: the etag moved on because of us.
 *
 * After such a failure `readBack` tells one of three things:
 * - applied: the resource holds what we meant to write → the write succeeded;
 * - not applied: the resource is as we read it (same etag) → send the write again, with the
 *   fresh etag, a bounded number of times (after an ambiguous failure 2 s, 4 s, 8 s… apart);
 * - someone else's change: the resource moved on without our change → CONCURRENT_CHANGE, which
 *   says so; nothing is written over it (docs/decisions/publish-sequence.md).
 * Any other failure (a 4xx: the request is wrong) is passed on at once.
 *
 * The product-ingestion API's configure request follows the same rule (product-ingestion/
 * configure-once.ts), with two traits of a write that starts a job: its effect lands after the
 * reply (`appliesLater`), and a 409 says another job holds the product (`waitWhileHeld`).
 */
import { PublishError, isPublishError, type SourceRef } from '../errors.js'
import type { Resource } from '../ingestion/types.js'
import type { OfferIdentity } from '../manifest/model.js'
import { sleepWithin } from './backoff.js'
import type { OfferRun } from './context.js'

/**
 * Sends in all, the first included, while each failure made nothing: as many attempts as the
 * transport gives a request it may repeat itself (6), so a write whose failures all came before it
 * took effect is as persistent as a read. Found by the soak: with 3, a 20 % fault rate ended about
 * one run in ten at a creating POST refused three times in a row.
 */
const MAX_SENDS = 6
/** Wait before sending again after an ambiguous failure, doubled each time. */
const RESEND_AFTER_MS = 2_000

/** What a failed write's error tells about whether it took effect. */
export type Failure =
  /** 5xx, timeout, network error: it may or may not have taken effect. */
  | 'ambiguous'
  /** 409/412: the resource is not as our write expected (perhaps because of our own write). */
  | 'conflict'
  /** 404: the resource is not there (a DELETE whose earlier attempt took effect). */
  | 'gone'
  /** Anything else: the request itself was refused; reading back cannot change that. */
  | 'refused'

export function classifyFailure(error: unknown): Failure {
  if (!isPublishError(error)) return 'refused'
  if (['HTTP_NETWORK', 'HTTP_TIMEOUT', 'RETRY_EXHAUSTED'].includes(error.code)) return 'ambiguous'
  if (error.code !== 'HTTP_STATUS') return 'refused'
  const status = error.details.status ?? 0
  if (status >= 500) return 'ambiguous'
  if (status === 409 || status === 412) return 'conflict'
  return status === 404 ? 'gone' : 'refused'
}

export type ReadBack<T> =
  /** `note` says what was found, for the log: `submission 12 was created: using it`. */
  | { kind: 'applied'; value: T; note?: string }
  | { kind: 'not-applied' }
  /**
   * `changed` names what someone else changed, for the error: `title, description`; `source`, where
   * the manifest states it, when the write knows.
   */
  | { kind: 'changed-by-others'; changed: string; source?: SourceRef }

export interface Write<T> {
  /** What the write does, for the log and errors: `update the offer listing`. */
  what: string
  send: () => Promise<T>
  /** The failures after which the state is read back; any other is passed on. */
  settles: readonly Failure[]
  /** A fresh read of what the write was about, compared with what it meant. May throw `error`. */
  readBack: (error: PublishError, failure: Failure) => Promise<ReadBack<T>>
  /**
   * The write's effect lands after its reply (a configure request starts a job that applies it
   * later): after an ambiguous failure the wait comes before the read-back, which would
   * otherwise find nothing yet, instead of before the next send.
   */
  appliesLater?: boolean
  /**
   * The write's 409 means another job holds the resource, perhaps our own earlier send's: this
   * waits for it (growing waits; it throws once the time budget cannot hold the next), then the
   * read-back decides. A send refused this way made nothing and does not count among the sends,
   * so a long-held resource is waited out within the budget rather than after a number of tries.
   */
  waitWhileHeld?: (error: PublishError) => Promise<void>
}

export async function writeOnce<T>(run: OfferRun<OfferIdentity>, write: Write<T>): Promise<T> {
  /** The sends that count towards MAX_SENDS: all but those refused while the resource was held. */
  let sends = 0
  for (;;) {
    sends++
    let failure: Failure
    let cause: PublishError
    try {
      return await write.send()
    } catch (error) {
      failure = classifyFailure(error)
      if (!write.settles.includes(failure)) throw error
      cause = error as PublishError
    }
    // After an ambiguous failure the service is struggling: wait before sending again (or, for a
    // write that applies later, before reading back). A wait the time budget cannot hold ends
    // here, with the error that made it.
    const wait = failure === 'ambiguous' ? RESEND_AFTER_MS * 2 ** (sends - 1) : 0
    const held = failure === 'conflict' && write.waitWhileHeld !== undefined
    if (held) {
      sends--
      await write.waitWhileHeld?.(cause)
    } else if (write.appliesLater) await sleepWithin(run.deps, wait, cause)
    const found = await write.readBack(cause, failure)
    if (found.kind === 'applied') {
      run.log(
        `the request to ${write.what} failed (${reason(cause)}) but had taken effect${found.note ? `: ${found.note}` : ''}`
      )
      return found.value
    }
    if (found.kind === 'changed-by-others') throw concurrentChange(run, write.what, found, cause)
    if (sends >= MAX_SENDS) throw cause
    const resendAfter = held || write.appliesLater ? 0 : wait
    if (run.deps.clock.now() + resendAfter > run.deps.deadline) throw cause
    run.log(
      held
        ? `the request to ${write.what} was refused (${reason(cause)}) while another job held the resource, and made nothing: sending it again`
        : `the request to ${write.what} failed (${reason(cause)}) and made nothing: sending it again (attempt ${sends + 1} of ${MAX_SENDS})`
    )
    if (resendAfter > 0) await run.deps.clock.sleep(resendAfter, run.deps.signal)
  }
}

/** A whole-object write (PUT with If-Match, or the reseller POST) under the rule above. */
export interface Replace<T extends Resource> {
  what: string
  /** The resource as read: the write is computed from it and guarded by its etag. */
  current: T
  read: () => Promise<T>
  /** The object to write, or undefined when the resource already holds what we mean. */
  apply: (current: T) => T | undefined
  write: (next: T) => Promise<T>
}

/** Resolves with the resource as it stands afterwards (as read, when nothing was to write). */
export async function replaceOnce<T extends Resource>(run: OfferRun, r: Replace<T>): Promise<T> {
  let base = r.current
  if (r.apply(base) === undefined) return base
  return writeOnce<T>(run, {
    what: r.what,
    send: () => r.write(r.apply(base) ?? base),
    settles: ['ambiguous', 'conflict'],
    readBack: async () => {
      const fresh = await r.read()
      if (r.apply(fresh) === undefined) return { kind: 'applied', value: fresh }
      if (sameVersion(base, fresh)) {
        base = fresh
        return { kind: 'not-applied' }
      }
      return { kind: 'changed-by-others', changed: changedFields(base, fresh) }
    }
  })
}

/**
 * The service's version of a resource is its etag (it changes on every write, §2.7). A resource
 * without one (the reseller configuration) is compared by content: weaker, since a write of the
 * same content by someone else cannot be told from no write, but then nothing differs either.
 */
function sameVersion(a: Resource, b: Resource): boolean {
  const etagA = a['@odata.etag']
  const etagB = b['@odata.etag']
  if (typeof etagA === 'string' && typeof etagB === 'string') return etagA === etagB
  return JSON.stringify(a) === JSON.stringify(b)
}

function changedFields(before: Resource, after: Resource): string {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  keys.delete('@odata.etag')
  const changed = [...keys].filter(k => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  return changed.join(', ')
}

function reason(error: PublishError): string {
  if (error.code === 'HTTP_STATUS') return `HTTP ${error.details.status}`
  if (error.code === 'HTTP_TIMEOUT') return 'no answer in time'
  return 'connection lost'
}

function concurrentChange(
  run: OfferRun<OfferIdentity>,
  what: string,
  found: { changed: string; source?: SourceRef },
  cause: PublishError
): PublishError {
  const fields = found.changed ? ` (${found.changed})` : ''
  return new PublishError(
    'CONCURRENT_CHANGE',
    `Could not ${what}: someone else changed it${fields} after this run read it, so Partner Center refused the write (${reason(cause)}). This run wrote nothing over their change.`,
    {
      offerId: run.offer.offerId,
      method: cause.details.method,
      path: cause.details.path,
      status: cause.details.status,
      requestId: cause.details.requestId,
      ...(found.source ? { source: found.source } : {}),
      hint: 'Another change or submission is in progress for this offer (perhaps from Partner Center or a concurrent run); wait for it to finish and run again.'
    }
  )
}
