import { describe, expect, it } from '@jest/globals'
import { PublishError } from '../../src/errors.js'
import { createOnce } from '../../src/publish/create-once.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import { fakeClock } from './fake-clock.js'
import { azureOffer, offerRun } from './publish-fixtures.js'

/** createOnce is given its create and find steps: it must not call the API, or upload, at all. */
const refuse = (what: string) => (): never => {
  throw new Error(`createOnce must not ${what}`)
}
const noService = () => ({
  clock: fakeClock(),
  client: () => new Proxy({} as IngestionApi, { get: () => refuse('call the API') }),
  uploader: () => refuse('upload')
})

const serverError = () => new PublishError('HTTP_STATUS', 'HTTP 500', { status: 500 })

/** A create step whose POST fails with each error in turn, then succeeds; `made` is what find sees. */
function step(failures: Error[], made: { id: string } | undefined = undefined) {
  const calls = { create: 0, find: 0 }
  return {
    calls,
    step: {
      what: 'package',
      create: async () => {
        calls.create++
        const failure = failures.shift()
        if (failure) throw failure
        return { id: `new-${calls.create}` }
      },
      find: async () => {
        calls.find++
        return made
      },
      idOf: (p: { id: string }) => p.id
    }
  }
}

describe('createOnce', () => {
  it('returns what the POST made, without a lookup', async () => {
    const { run } = offerRun(noService(), azureOffer())
    const { step: s, calls } = step([])
    await expect(createOnce(run, s)).resolves.toEqual({ id: 'new-1' })
    expect(calls).toEqual({ create: 1, find: 0 })
  })

  it.each([
    ['a 5xx', serverError()],
    ['a lost connection', new PublishError('HTTP_NETWORK', 'socket hang up', {})],
    ['a timeout', new PublishError('HTTP_TIMEOUT', 'timed out', {})]
  ])('uses what the POST made when %s hid the reply', async (_, failure) => {
    const { run, lines } = offerRun(noService(), azureOffer())
    const { step: s, calls } = step([failure], { id: 'made' })
    await expect(createOnce(run, s)).resolves.toEqual({ id: 'made' })
    expect(calls).toEqual({ create: 1, find: 1 })
    expect(lines).toContain(
      'the request to create the package failed in transit but package made was created: using it'
    )
  })

  it('sends the POST again, after a pause, when the failed one made nothing', async () => {
    const { run, clock } = offerRun(noService(), azureOffer())
    const { step: s, calls } = step([serverError(), serverError()])
    await expect(createOnce(run, s)).resolves.toEqual({ id: 'new-3' })
    expect(calls).toEqual({ create: 3, find: 2 })
    expect(clock.slept).toEqual([2000, 4000])
  })

  it('gives up after three POSTs that made nothing, with the last error', async () => {
    const { run } = offerRun(noService(), azureOffer())
    const last = serverError()
    const { step: s, calls } = step([serverError(), serverError(), last])
    await expect(createOnce(run, s)).rejects.toBe(last)
    expect(calls).toEqual({ create: 3, find: 3 })
  })

  it('passes a 4xx on at once: the request itself is wrong', async () => {
    const { run } = offerRun(noService(), azureOffer())
    const refused = new PublishError('HTTP_STATUS', 'HTTP 400', { status: 400 })
    const { step: s, calls } = step([refused])
    await expect(createOnce(run, s)).rejects.toBe(refused)
    expect(calls).toEqual({ create: 1, find: 0 })
  })

  it('stops waiting to resend once the run is cancelled', async () => {
    const { run, controller } = offerRun(noService(), azureOffer())
    const { step: s, calls } = step([serverError()])
    controller.abort(new PublishError('CANCELLED', 'cancelled', {}))
    await expect(createOnce(run, s)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(calls.create).toBe(1)
  })
})
