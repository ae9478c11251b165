/**
 * The one way a creating POST (product, plan, image, package, submission) is sent: the write rule
 * of write-once.ts, where "read it back" means looking for what the POST would have made. The
 * transport never repeats these POSTs itself (only after a 429, which was not processed), since a
 * blind second POST could make a second offer, plan, image, package or submission. After an
 * ambiguous failure `find` looks for what it made: found, it is used; not found, the POST is sent
 * again, a bounded number of times. Any other error (a 4xx: the request is wrong) is passed on.
 */
import type { OfferRun } from './context.js'
import { writeOnce, type ReadBack } from './write-once.js'

export interface CreateOnce<T> {
  /** What is created, for the log: `submission`, `package 'app-1.2.3.zip'`. */
  what: string
  create: () => Promise<T>
  /** What an ambiguous POST may have made, from a fresh read; undefined when nothing. */
  find: () => Promise<T | undefined>
  /** Names what was found, for the log: its id. */
  idOf: (made: T) => string
}

export function createOnce<T>(run: OfferRun, step: CreateOnce<T>): Promise<T> {
  return writeOnce(run, {
    what: `create the ${step.what}`,
    send: step.create,
    settles: ['ambiguous'],
    readBack: async (): Promise<ReadBack<T>> => {
      const made = await step.find()
      return made === undefined
        ? { kind: 'not-applied' }
        : {
            kind: 'applied',
            value: made,
            note: `${step.what} ${step.idOf(made)} was created, using it`
          }
    }
  })
}
