import { afterEach, describe, expect, it } from '@jest/globals'
import { isPublishError } from '../../src/errors.js'
import { readModifyWrite } from '../../src/ingestion/read-modify-write.js'
import type { Listing } from '../../src/ingestion/types.js'
import { startClient, type ClientSetup } from './client-test-kit.js'
import { reply } from './http-test-kit.js'

let setup: ClientSetup | undefined
afterEach(async () => {
  await setup?.server.close()
  setup = undefined
})

/**
 * One listing behind an etag, like the service: a PUT whose If-Match is stale gets `conflict`
 * (412 by default). `racesAfterReads` GETs are each followed by another writer's change.
 */
async function listingServer(
  options: { conflict?: number; racesAfterReads?: number; title?: string } = {}
) {
  const state = { version: 1, title: options.title ?? 'Old', gets: 0, puts: 0 }
  const current = (): Listing => ({
    resourceType: 'AzureListing',
    id: 'l1',
    languageCode: 'en-us',
    title: state.title,
    '@odata.etag': `"etag-${state.version}"`
  })
  setup = await startClient((q, res) => {
    if (q.method === 'GET') {
      state.gets++
      reply(res, 200, { value: [current()] })
      if (state.gets <= (options.racesAfterReads ?? 0)) state.version++
      return
    }
    state.puts++
    if (q.headers['if-match'] !== `"etag-${state.version}"`)
      return reply(res, options.conflict ?? 412, '"Precondition failed"')
    state.title = (JSON.parse(q.body) as Listing).title ?? ''
    state.version++
    reply(res, 200, current())
  })
  const api = setup.api
  const read = async (): Promise<Listing> => (await api.getListings('p1', 'd1'))[0]!
  const write = (next: Listing): Promise<Listing> => api.putListing('p1', next)
  return { state, read, write }
}

const setTitle =
  (title: string) =>
  (listing: Listing): Listing | undefined =>
    listing.title === title ? undefined : { ...listing, title }

describe('readModifyWrite', () => {
  it('writes the changed object with the etag it read', async () => {
    const { state, read, write } = await listingServer()
    const outcome = await readModifyWrite(read, setTitle('New'), write)
    expect(outcome.changed).toBe(true)
    expect(outcome.result.title).toBe('New')
    expect(outcome.result['@odata.etag']).toBe('"etag-2"')
    expect(state).toMatchObject({ gets: 1, puts: 1, title: 'New' })
  })

  it('uses the object the caller already read, reading again only after a conflict', async () => {
    const { state, read, write } = await listingServer()
    const known = await read()
    await readModifyWrite(read, setTitle('New'), write, known)
    expect(state).toMatchObject({ gets: 1, puts: 1, title: 'New' })

    const stale = await read()
    await readModifyWrite(read, setTitle('Newer'), write, { ...stale, '@odata.etag': '"old"' })
    expect(state).toMatchObject({ gets: 3, puts: 3, title: 'Newer' })
  })

  it('writes nothing when the object already says what we want', async () => {
    const { state, read, write } = await listingServer({ title: 'New' })
    const outcome = await readModifyWrite(read, setTitle('New'), write)
    expect(outcome).toMatchObject({ changed: false, result: { title: 'New' } })
    expect(state.puts).toBe(0)
  })

  it.each([412, 409])('after a %i reads again, re-applies and writes once more', async conflict => {
    const { state, read, write } = await listingServer({ conflict, racesAfterReads: 1 })
    const outcome = await readModifyWrite(read, setTitle('New'), write)
    expect(outcome.changed).toBe(true)
    expect(state).toMatchObject({ gets: 2, puts: 2, title: 'New' })
  })

  it('passes a second conflict on to the caller', async () => {
    const { state, read, write } = await listingServer({ racesAfterReads: 2 })
    const error = await readModifyWrite(read, setTitle('New'), write).catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(412)
    expect(state).toMatchObject({ gets: 2, puts: 2, title: 'Old' })
  })

  it('stops when the re-read object already has the change', async () => {
    let reads = 0
    const read = async (): Promise<Listing> => ({
      resourceType: 'AzureListing',
      id: 'l1',
      title: ++reads === 1 ? 'Old' : 'New'
    })
    const conflict = async (): Promise<Listing> => {
      const { PublishError } = await import('../../src/errors.js')
      throw new PublishError('HTTP_STATUS', 'stale', { status: 412 })
    }
    const outcome = await readModifyWrite(read, setTitle('New'), conflict)
    expect(outcome).toEqual({
      changed: false,
      result: { resourceType: 'AzureListing', id: 'l1', title: 'New' }
    })
  })

  it('does not retry other errors', async () => {
    setup = await startClient((q, res) =>
      q.method === 'GET'
        ? reply(res, 200, { value: [{ resourceType: 'AzureListing', id: 'l1' }] })
        : reply(res, 400, '"bad"')
    )
    const api = setup.api
    const error = await readModifyWrite(
      async () => (await api.getListings('p1', 'd1'))[0]!,
      setTitle('New'),
      next => api.putListing('p1', next)
    ).catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(400)
    expect(setup.server.received.map(r => r.method)).toEqual(['GET', 'PUT'])
  })
})
