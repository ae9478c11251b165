/**
 * The write rule (src/publish/write-once.ts) over the real client and transport, against a local
 * server that keeps one listing behind an etag as the service does: a PUT whose If-Match is stale
 * gets 412 (or 409). The server can apply a PUT and then answer 503 instead (a gateway's reply
 * after the service did the work), refuse a current etag once (the emulator's `etag-stale`), or
 * let another writer change the listing right after a read.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { PublishError, isPublishError } from '../../src/errors.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import type { Listing } from '../../src/ingestion/types.js'
import { createOnce } from '../../src/publish/create-once.js'
import { replaceOnce } from '../../src/publish/write-once.js'
import { startClient, type ClientSetup } from './client-test-kit.js'
import { fakeClock } from './fake-clock.js'
import { reply } from './http-test-kit.js'
import { azureOffer, offerRun } from './publish-fixtures.js'

/**
 * The run's service for these tests: the write rule is given its read and write steps, so the run
 * needs no emulator. `api` is the client of the test's server, if any; without it, and for
 * uploads, anything the run calls is a test failure.
 */
const refuse = (what: string) => (): never => {
  throw new Error(`the write rule must not ${what}`)
}
const service = (api?: IngestionApi) => ({
  clock: fakeClock(),
  client: () => api ?? new Proxy({} as IngestionApi, { get: () => refuse('call the API') }),
  uploader: () => refuse('upload')
})

let setup: ClientSetup | undefined
afterEach(async () => {
  await setup?.server.close()
  setup = undefined
})

interface ServerOptions {
  title?: string
  conflict?: number
  /** PUTs that are applied, then answered 503. */
  failAfterApply?: number
  /** PUTs refused with the conflict status although their etag is current. */
  refuseCurrent?: number
  /** After this many GETs, another writer changes the description. */
  otherWriterAfterReads?: number
}

async function listingServer(options: ServerOptions = {}) {
  const state = {
    version: 1,
    title: options.title ?? 'Old',
    description: 'theirs',
    gets: 0,
    puts: 0,
    failAfterApply: options.failAfterApply ?? 0,
    refuseCurrent: options.refuseCurrent ?? 0
  }
  const current = (): Listing => ({
    resourceType: 'AzureListing',
    id: 'l1',
    languageCode: 'en-us',
    title: state.title,
    description: state.description,
    '@odata.etag': `"etag-${state.version}"`
  })
  setup = await startClient((q, res) => {
    if (q.method === 'GET') {
      state.gets++
      reply(res, 200, { value: [current()] })
      if (state.gets === options.otherWriterAfterReads) {
        state.description = 'changed by a colleague'
        state.version++
      }
      return
    }
    state.puts++
    const conflict = options.conflict ?? 412
    if (q.headers['if-match'] !== `"etag-${state.version}"`)
      return reply(res, conflict, '"Precondition failed"')
    if (state.refuseCurrent > 0) {
      state.refuseCurrent--
      return reply(res, conflict, '"Precondition failed"')
    }
    const sent = JSON.parse(q.body) as Listing
    state.title = sent.title ?? ''
    state.description = sent.description ?? ''
    state.version++
    if (state.failAfterApply > 0) {
      state.failAfterApply--
      return reply(res, 503, '"ICH50503 - Unable to complete request."')
    }
    reply(res, 200, current())
  })
  const api = setup.api
  const test = offerRun(service(api), azureOffer())
  const read = async (): Promise<Listing> => (await api.getListings('p1', 'd1'))[0]!
  const setTitle = async (title: string, current?: Listing) =>
    replaceOnce(test.run, {
      what: 'update the offer listing',
      current: current ?? (await read()),
      read,
      apply: listing => (listing.title === title ? undefined : { ...listing, title }),
      write: next => api.putListing('p1', next)
    })
  return { state, read, setTitle, lines: test.lines }
}

describe('replaceOnce', () => {
  it('writes the changed object with the etag it read, reading nothing more', async () => {
    const { state, setTitle } = await listingServer()
    const result = await setTitle('New')
    expect(result).toMatchObject({ title: 'New', '@odata.etag': '"etag-2"' })
    expect(state).toMatchObject({ gets: 1, puts: 1, title: 'New' })
  })

  it('writes nothing when the object already says what we want', async () => {
    const { state, setTitle } = await listingServer({ title: 'New' })
    await expect(setTitle('New')).resolves.toMatchObject({ title: 'New' })
    expect(state.puts).toBe(0)
  })

  it.each([412, 409])(
    'a PUT that took effect and then answered 503 is a success: the transport retry gets %i, the read-back shows our change',
    async conflict => {
      const { state, setTitle, lines } = await listingServer({ conflict, failAfterApply: 1 })
      await expect(setTitle('New')).resolves.toMatchObject({ title: 'New' })
      // The write, the transport's retry of it (stale etag), one read back; no third PUT.
      expect(state).toMatchObject({ gets: 2, puts: 2, title: 'New', version: 2 })
      expect(lines).toContain(
        `the request to update the offer listing failed (HTTP ${conflict}) but had taken effect`
      )
    }
  )

  it('a refusal that changed nothing (same etag) is sent again with the fresh read', async () => {
    const { state, setTitle, lines } = await listingServer({ refuseCurrent: 1 })
    await expect(setTitle('New')).resolves.toMatchObject({ title: 'New' })
    expect(state).toMatchObject({ gets: 2, puts: 2, title: 'New' })
    expect(lines.some(l => /made nothing: sending it again \(attempt 2 of 6\)/.test(l))).toBe(true)
  })

  it('fails with CONCURRENT_CHANGE, writing nothing over it, when someone else changed it', async () => {
    const { state, setTitle } = await listingServer({ otherWriterAfterReads: 1 })
    const error = await setTitle('New').catch((e: unknown) => e)
    expect(isPublishError(error) && error.code).toBe('CONCURRENT_CHANGE')
    const { message, details } = error as PublishError
    expect(message).toBe(
      'Could not update the offer listing: someone else changed it (description) after this run read it, so Partner Center refused the write (HTTP 412). This run wrote nothing over their change.'
    )
    expect(details).toMatchObject({ status: 412, method: 'PUT', offerId: 'contoso-analytics' })
    expect(details.hint).toMatch(/^Another change or submission is in progress/)
    expect(state).toMatchObject({ puts: 1, title: 'Old', description: 'changed by a colleague' })
  })

  it('gives up after six refusals that each changed nothing, with the last error', async () => {
    const { state, setTitle } = await listingServer({ refuseCurrent: 9 })
    const error = await setTitle('New').catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(412)
    expect(state).toMatchObject({ puts: 6, title: 'Old' })
  })

  it('does not read back after other errors', async () => {
    setup = await startClient((q, res) =>
      q.method === 'GET'
        ? reply(res, 200, { value: [{ resourceType: 'AzureListing', id: 'l1' }] })
        : reply(res, 400, '"bad"')
    )
    const api = setup.api
    const { run } = offerRun(service(api), azureOffer())
    const read = async (): Promise<Listing> => (await api.getListings('p1', 'd1'))[0]!
    const error = await replaceOnce(run, {
      what: 'update the offer listing',
      current: await read(),
      read,
      apply: listing => ({ ...listing, title: 'New' }),
      write: next => api.putListing('p1', next)
    }).catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(400)
    expect(setup.server.received.map(r => r.method)).toEqual(['GET', 'PUT'])
  })
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
    const { run } = offerRun(service(), azureOffer())
    const { step: s, calls } = step([])
    await expect(createOnce(run, s)).resolves.toEqual({ id: 'new-1' })
    expect(calls).toEqual({ create: 1, find: 0 })
  })

  it.each([
    ['a 5xx', serverError(), 'HTTP 500'],
    [
      'a lost connection',
      new PublishError('HTTP_NETWORK', 'socket hang up', {}),
      'connection lost'
    ],
    ['a timeout', new PublishError('HTTP_TIMEOUT', 'timed out', {}), 'no answer in time']
  ])('uses what the POST made when %s hid the reply', async (_, failure, reason) => {
    const { run, lines } = offerRun(service(), azureOffer())
    const { step: s, calls } = step([failure], { id: 'made' })
    await expect(createOnce(run, s)).resolves.toEqual({ id: 'made' })
    expect(calls).toEqual({ create: 1, find: 1 })
    expect(lines).toContain(
      `the request to create the package failed (${reason}) but had taken effect: package made was created, using it`
    )
  })

  it('sends the POST again, after a pause, when the failed one made nothing', async () => {
    const { run, clock } = offerRun(service(), azureOffer())
    const { step: s, calls } = step([serverError(), serverError()])
    await expect(createOnce(run, s)).resolves.toEqual({ id: 'new-3' })
    expect(calls).toEqual({ create: 3, find: 2 })
    expect(clock.slept).toEqual([2000, 4000])
  })

  it('gives up after six POSTs that made nothing, 2 s to 16 s apart, with the last error', async () => {
    const { run, clock } = offerRun(service(), azureOffer())
    const last = serverError()
    const { step: s, calls } = step([...Array.from({ length: 5 }, serverError), last])
    await expect(createOnce(run, s)).rejects.toBe(last)
    expect(calls).toEqual({ create: 6, find: 6 })
    expect(clock.slept).toEqual([2000, 4000, 8000, 16000, 32000])
  })

  it.each([400, 409])('passes a %i on at once: the POST was refused, not lost', async status => {
    const { run } = offerRun(service(), azureOffer())
    const refused = new PublishError('HTTP_STATUS', `HTTP ${status}`, { status })
    const { step: s, calls } = step([refused])
    await expect(createOnce(run, s)).rejects.toBe(refused)
    expect(calls).toEqual({ create: 1, find: 0 })
  })

  it('does not wait past the time budget to resend: the last error stands', async () => {
    const { run, clock } = offerRun(service(), azureOffer())
    const deps = run.deps as { deadline: number }
    deps.deadline = clock.now() + 5_000
    const second = serverError()
    const { step: s, calls } = step([serverError(), second, serverError()])
    await expect(createOnce(run, s)).rejects.toBe(second)
    expect(calls.create).toBe(2)
    expect(clock.slept).toEqual([2000])
  })

  it('stops waiting to resend once the run is cancelled', async () => {
    const { run, controller } = offerRun(service(), azureOffer())
    const { step: s, calls } = step([serverError()])
    controller.abort(new PublishError('CANCELLED', 'cancelled', {}))
    await expect(createOnce(run, s)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(calls.create).toBe(1)
  })
})
