/**
 * The one way a creating POST (product, plan, image, package, submission) is sent. The transport
 * retries a 429 itself (it was never processed), but not a 5xx, a timeout or a lost connection:
 * the request may have taken effect, and sending it again blindly could make a second offer, plan,
 * image, package or submission. So after such an ambiguous failure `find` looks for what it made:
 * found, it is used; not found, the POST is sent again, a bounded number of times. Any other error
 * (a 4xx: the request is wrong) is passed on at once.
 */
import { isPublishError } from '../errors.js'
import type { OfferRun } from './context.js'

/** POSTs in all, the first included, while each failure is ambiguous and made nothing. */
const CREATE_ATTEMPTS = 3
/** Wait before sending the POST again, doubled each time. */
const CREATE_RETRY_MS = 2_000

export interface CreateOnce<T> {
  /** What is created, for the log: `submission`, `package 'app-1.2.3.zip'`. */
  what: string
  create: () => Promise<T>
  /** What an ambiguous POST may have made, from a fresh read; undefined when nothing. */
  find: () => Promise<T | undefined>
  /** Names what was found, for the log: its id. */
  idOf: (made: T) => string
}

export async function createOnce<T>(run: OfferRun, step: CreateOnce<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step.create()
    } catch (error) {
      if (!isAmbiguous(error)) throw error
      const made = await step.find()
      if (made !== undefined) {
        run.log(
          `the request to create the ${step.what} failed in transit but ${step.what} ${step.idOf(made)} was created: using it`
        )
        return made
      }
      if (attempt >= CREATE_ATTEMPTS) throw error
      run.log(
        `the request to create the ${step.what} failed and made nothing: sending it again (attempt ${attempt + 1} of ${CREATE_ATTEMPTS})`
      )
      await run.deps.clock.sleep(CREATE_RETRY_MS * 2 ** (attempt - 1), run.deps.signal)
    }
  }
}

/** A 5xx, a timeout or a lost connection: the request may or may not have taken effect. */
export function isAmbiguous(error: unknown): boolean {
  if (!isPublishError(error)) return false
  if (
    error.code === 'HTTP_NETWORK' ||
    error.code === 'HTTP_TIMEOUT' ||
    error.code === 'RETRY_EXHAUSTED'
  )
    return true
  return error.code === 'HTTP_STATUS' && (error.details.status ?? 0) >= 500
}
