/**
 * Replays every Ingestion API interaction of the 11 real cassettes against a spawned emulator and
 * asserts the same status and the same body shape (property names and JSON types) each time.
 *
 * Recorded ids (products, variants, draft instances, listings, images), etags and SAS URIs are
 * mapped to the emulator's as the replay discovers them. Products a cassette only reads were made
 * by the recording's test preparer: they are created fresh through the API first, each cassette
 * with its own offer ids so cassettes cannot see each other's offers.
 *
 * Paging: the recorded walks have 9 pages because the real tenant held 27 products; the page
 * sizes follow storage partitions, not a fixed size (recordings-catalogue.md §4). A walk is
 * therefore replayed as a walk: it starts with the recorded `?$skipToken=` and follows the
 * emulator's own `nextLink`s; pages are compared without `nextLink`; the walk must end on a page
 * without `nextLink`, list no product twice, and list the cassette's own product until it is
 * deleted, not after.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess, type ReadyInfo } from '../helpers/emulator.js'
import { pngImage } from './blob-fixtures.js'
import { createSpecValidator } from '../../emulator/src/validate/spec.js'
import { cassetteNames, loadCassette, SPEC_FILE, type Interaction } from './recordings-fixture.js'
import { absoluteNextLink, apiCaller, read, v1Token, type WireReply } from './wire-client.js'

type Emulator = EmulatorProcess
type Json = Record<string, unknown>

/** Properties whose recorded string values are server-made and must be mapped to the emulator's. */
const SERVER_VALUES = new Set([
  'id',
  'currentDraftInstanceID',
  'variantID',
  '@odata.etag',
  'fileSasUri'
])
const MAX_WALK_PAGES = 200
/** Reply headers whose presence must match the recording (values are the emulator's own). */
const COMPARED_HEADERS = ['request-id', 'content-type', 'location', 'etag']

const spec = createSpecValidator(SPEC_FILE)
let emulator: Emulator
let ready: ReadyInfo
let api: ReturnType<typeof apiCaller>

beforeAll(async () => {
  // One product per page: every walk spans many pages, as the recorded ones do.
  emulator = await startEmulatorProcess(['--page-size', '1'])
  ready = emulator.ready
  api = apiCaller(ready, await v1Token(ready))
})

afterAll(async () => {
  await emulator?.stop()
})

/** Property names and JSON types, order-free; arrays as the set of their element shapes. */
function shapeOf(value: unknown): unknown {
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    return { array: [...new Set(value.map(v => JSON.stringify(shapeOf(v))))].sort() }
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Json)
        .sort()
        .map(k => [k, shapeOf((value as Json)[k])])
    )
  }
  return typeof value
}

class Replay {
  /** recorded server value → emulator value */
  readonly values = new Map<string, string>()
  /** recorded offer id → this cassette's offer id */
  readonly offers = new Map<string, string>()
  readonly mismatches: string[] = []

  constructor(readonly cassette: string) {}

  mapString(text: string): string {
    let out = text
    for (const [recorded, actual] of this.values)
      if (out.includes(recorded)) out = out.split(recorded).join(actual)
    return out
  }

  mapBody(value: unknown, key = ''): unknown {
    if (typeof value === 'string') {
      if (key === 'value' && this.offers.has(value)) return this.offers.get(value)
      return this.values.get(value) ?? value
    }
    if (Array.isArray(value)) return value.map(v => this.mapBody(v, key))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.mapBody(v, k)]))
    }
    return value
  }

  /** Learns the emulator's values for the recorded server-made ones by walking both bodies. */
  learn(recorded: unknown, actual: unknown, key = ''): void {
    if (typeof recorded === 'string' && typeof actual === 'string') {
      if (SERVER_VALUES.has(key) && !this.values.has(recorded)) this.values.set(recorded, actual)
      return
    }
    if (Array.isArray(recorded) && Array.isArray(actual)) {
      const byKey = new Map(actual.map(a => [this.pairKey(a), a]))
      recorded.forEach((r, i) => this.learn(r, byKey.get(this.pairKey(r, true)) ?? actual[i], key))
      return
    }
    if (recorded && actual && typeof recorded === 'object' && typeof actual === 'object') {
      for (const [k, v] of Object.entries(recorded)) this.learn(v, (actual as Json)[k], k)
    }
  }

  /** What identifies an element of a collection across the recording and the emulator. */
  private pairKey(element: unknown, recorded = false): string {
    if (!element || typeof element !== 'object') return JSON.stringify(element)
    const e = element as Json
    const offer = (e.externalIDs as { value: string }[] | undefined)?.map(x =>
      recorded ? (this.offers.get(x.value) ?? x.value) : x.value
    )
    const variant = typeof e.variantID === 'string' ? e.variantID : undefined
    return JSON.stringify([
      e.resourceType,
      e.module,
      variant === undefined ? 'offer' : recorded ? (this.values.get(variant) ?? variant) : variant,
      e.externalID,
      e.languageCode,
      e.type,
      e.fileName,
      offer
    ])
  }

  compare(what: string, recorded: Interaction, reply: WireReply, ignore: string[] = []): void {
    if (recorded.api) {
      const request = { method: recorded.method, path: this.mapString(recorded.path) }
      const conformance = spec.validateReply(request, { status: reply.status, body: reply.body })
      for (const error of conformance.errors) this.mismatches.push(`${what}: ${error}`)
    }
    if (reply.status !== recorded.status) {
      this.mismatches.push(
        `${what}: expected status ${recorded.status}, got ${reply.status} ${reply.text.slice(0, 300)}`
      )
      return
    }
    for (const header of COMPARED_HEADERS) {
      const wanted = header in recorded.responseHeaders
      if (wanted !== reply.headers.has(header)) {
        this.mismatches.push(`${what}: header ${header} should be ${wanted ? 'present' : 'absent'}`)
      }
    }
    const expected = JSON.stringify(shapeOf(omit(recorded.response, ignore)))
    const got = JSON.stringify(shapeOf(omit(reply.body, ignore)))
    if (expected !== got) this.mismatches.push(`${what}: expected shape ${expected}, got ${got}`)
  }
}

function omit(body: unknown, keys: string[]): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || keys.length === 0) return body
  return Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)))
}

/** Creates, through the API, the fresh products a cassette reads but does not create itself. */
async function prepareProducts(
  replay: Replay,
  interactions: Interaction[],
  slug: string
): Promise<void> {
  const created = new Set(
    interactions
      .filter(i => i.method === 'POST' && i.path === '/products')
      .map(i => (i.response as Json).id as string)
  )
  const products = new Map<string, Json>()
  for (const i of interactions) {
    const found = i.url.searchParams.has('$filter')
      ? ((i.response as { value: Json[] }).value ?? [])
      : []
    for (const p of found) if (!created.has(p.id as string)) products.set(p.id as string, p)
  }
  for (const i of interactions) {
    for (const p of ((i.response as { value?: Json[] } | undefined)?.value ?? []) as Json[]) {
      for (const id of (p.externalIDs as { value: string }[] | undefined) ?? []) {
        replay.offers.set(id.value, `${id.value}-${slug}`)
      }
    }
    const posted = (i.body as { externalIds?: { value: string }[] } | undefined)?.externalIds ?? []
    for (const id of posted) replay.offers.set(id.value, `${id.value}-${slug}`)
  }
  for (const [recordedId, product] of products) {
    const reply = await api('POST', '/products', {
      resourceType: product.resourceType,
      name: product.name,
      externalIDs: (product.externalIDs as { type: string; value: string }[]).map(x => ({
        type: x.type,
        value: replay.offers.get(x.value)
      })),
      isModularPublishing: true
    })
    expect(reply.status).toBe(201)
    replay.values.set(recordedId, (reply.body as Json).id as string)
  }
}

function requestTarget(replay: Replay, i: Interaction): string {
  let search = i.url.search
  for (const [recorded, mine] of replay.offers)
    search = search.split(`%27${recorded}%27`).join(`%27${mine}%27`)
  return replay.mapString(i.path) + search
}

async function replayWalk(
  replay: Replay,
  walk: Interaction[],
  name: (i: Interaction) => string
): Promise<Json[]> {
  const products: Json[] = []
  let reply = await api('GET', requestTarget(replay, walk[0]), undefined, walk[0].headers)
  for (let page = 0; ; page++) {
    const recorded = walk[Math.min(page, walk.length - 1)]
    replay.compare(name(recorded), recorded, reply, ['nextLink'])
    const body = reply.body as { value?: Json[]; nextLink?: string }
    products.push(...(body.value ?? []))
    if (!body.nextLink) break
    expect(body.nextLink).toMatch(/^v1\.0\/ingestion\/products\?\$skipToken=./)
    if (page >= MAX_WALK_PAGES) throw new Error(`${replay.cassette}: the product walk never ends`)
    reply = await api('GET', absoluteNextLink(ready, body.nextLink), undefined, recorded.headers)
  }
  return products
}

describe('replay of the recorded real traffic', () => {
  it.each(cassetteNames().map((name, n) => [name, n]))('%s', async (cassette, n) => {
    const interactions = loadCassette(cassette as string)
    const replay = new Replay(cassette as string)
    const slug = `r${n}`
    await prepareProducts(replay, interactions, slug)
    const name = (i: Interaction) =>
      `${cassette}#${i.index} ${i.method} ${i.path}${i.url.search.slice(0, 40)}`

    // The product this cassette POSTs, and whether it has been DELETEd yet.
    let posted: string | undefined
    let deleted = false
    for (let k = 0; k < interactions.length; k++) {
      const i = interactions[k]
      if (!i.api) {
        // The blob upload: to the fileSasUri the emulator issued, with the recorded headers.
        const upload = await fetch(mapSas(replay, i), {
          method: i.method,
          headers: blobHeaders(i.headers),
          body: pngImage()
        })
        replay.compare(name(i), i, await read(upload))
        continue
      }
      if (i.url.searchParams.has('$skipToken')) {
        let end = k
        while (interactions[end + 1]?.url.searchParams.get('$skipToken')) end++
        const ids = (await replayWalk(replay, interactions.slice(k, end + 1), name)).map(p => p.id)
        expect(new Set(ids).size).toBe(ids.length)
        if (posted) expect(ids.includes(posted)).toBe(!deleted)
        k = end
        continue
      }
      const reply = await api(i.method, requestTarget(replay, i), replay.mapBody(i.body), i.headers)
      replay.compare(name(i), i, reply)
      if (i.status === 400 && reply.status === 400 && !/^ICH50400 - /.test(String(reply.body))) {
        replay.mismatches.push(`${name(i)}: the 400 body is not an ICH50400 string: ${reply.text}`)
      }
      if (reply.status >= 300) continue
      replay.learn(i.response, reply.body)
      if (i.method === 'POST' && i.path === '/products') posted = (reply.body as Json).id as string
      if (i.method === 'DELETE' && replay.mapString(i.path) === `/products/${posted}`)
        deleted = true
    }
    expect(replay.mismatches).toEqual([])
  })
})

/** The image's recorded fileSasUri, with its query, mapped to the one the emulator issued. */
function mapSas(replay: Replay, i: Interaction): string {
  const base = `${i.url.origin}${i.url.pathname}`
  for (const [recorded, mine] of replay.values) if (recorded.startsWith(base)) return mine
  throw new Error(`no emulator fileSasUri learnt for ${base}`)
}

function blobHeaders(recorded: Record<string, string>): Record<string, string> {
  const keep = ['x-ms-blob-type', 'x-ms-version', 'content-type', 'if-none-match']
  const headers = Object.fromEntries(
    Object.entries(recorded).filter(([k]) => keep.includes(k.toLowerCase()))
  )
  return { ...headers, 'x-ms-date': new Date().toUTCString() }
}
