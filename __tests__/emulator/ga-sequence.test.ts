/**
 * Drives the emulator exactly as Microsoft's own shell action does ([GA] column of
 * ingestion-v1.md §5.1, steps 0–9), with plain fetch: v1 token, product walk following nextLink
 * prefixed with the origin, variants, Package branch, package POST, blob PUT with GA's headers,
 * package PUT with GA's capital "State", polling, then the technical configuration PUT with
 * If-Match. The emulator must accept every request and end with the new package referenced.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess, type ReadyInfo } from '../helpers/emulator.js'
import { azureAppZip } from './blob-fixtures.js'
import { absoluteNextLink, apiCaller, read, v1Token } from './wire-client.js'

type Emulator = EmulatorProcess
type Json = Record<string, unknown>
/** The parts of GET /_emulator/state (emulator/src/api/store.ts) this test reads. */
interface StoredProduct {
  productId: string
  resources: { kind: string; instanceID: string; body: Json }[]
  packages: { body: Json }[]
}

const OFFER = 'contoso-analytics'
const PLAN = 'standard'
/** [GA] follows at most 11 nextLinks (12 pages). */
const GA_MAX_PAGES = 12
/** [GA] polls 11 times; the emulator's default speed processes a package in well under that. */
const GA_POLLS = 11

let emulator: Emulator
let ready: ReadyInfo

beforeAll(async () => {
  emulator = await startEmulatorProcess()
  ready = emulator.ready
})

afterAll(async () => {
  await emulator?.stop()
})

describe('the GA shell action sequence', () => {
  it('publishes a new package version into the plan technical configuration', async () => {
    // 0. token (v1 endpoint, resource=)
    const token = await v1Token(ready)
    const api = apiCaller(ready, token)

    // 1. walk the products, following nextLink made absolute with the origin as GA does
    let product: Json | undefined
    let page = await api('GET', '/products')
    for (let pages = 1; ; pages++) {
      expect(page.status).toBe(200)
      const body = page.body as { value: Json[]; nextLink?: string }
      product = body.value.find(p =>
        (p.externalIDs as { value: string }[]).some(id => id.value === OFFER)
      )
      if (product || !body.nextLink || pages >= GA_MAX_PAGES) break
      page = await api('GET', absoluteNextLink(ready, body.nextLink))
    }
    expect(product).toBeDefined()
    const pid = (product as Json).id as string

    // 2. the plan by externalID
    const variants = await api('GET', `/products/${pid}/variants`)
    expect(variants.status).toBe(200)
    const variant = (variants.body as { value: Json[] }).value.find(v => v.externalID === PLAN)
    expect(variant).toMatchObject({ resourceType: 'AzureSkuVariant', subType: 'solution-template' })
    const vid = (variant as Json).id as string

    // 3. the plan's Package draft
    const branches = await api('GET', `/products/${pid}/branches/getByModule(module=Package)`)
    expect(branches.status).toBe(200)
    const branch = (branches.body as { value: Json[] }).value.find(b => b.variantID === vid)
    expect(branch).toMatchObject({ resourceType: 'Branch', module: 'Package' })
    const draft = (branch as Json).currentDraftInstanceID as string

    // 4. a new package
    const created = await api('POST', `/products/${pid}/packages`, {
      resourceType: 'AzureApplicationPackage',
      fileName: 'app.zip'
    })
    expect(created.status).toBe(201)
    const pkg = created.body as Json
    expect(pkg).toMatchObject({ resourceType: 'AzureApplicationPackage', state: 'PendingUpload' })

    // 5. the blob, with GA's headers, to the URI exactly as issued
    const upload = await fetch(pkg.fileSasUri as string, {
      method: 'PUT',
      headers: {
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-version': '2018-03-28',
        'x-ms-date': new Date().toUTCString(),
        'Content-Type': 'application/octet-stream'
      },
      body: azureAppZip()
    })
    expect((await read(upload)).status).toBe(201)

    // 6. mark it uploaded, spelled as GA spells it
    const uploaded = await api('PUT', `/products/${pid}/packages/${pkg.id}`, {
      resourceType: pkg.resourceType,
      fileName: pkg.fileName,
      fileSasUri: pkg.fileSasUri,
      '@odata.etag': pkg['@odata.etag'],
      id: pkg.id,
      State: 'Uploaded'
    })
    expect(uploaded.status).toBe(200)
    expect(['Uploaded', 'InProcessing', 'Processed']).toContain((uploaded.body as Json).state)

    // 7. poll until processed
    let packageState = (uploaded.body as Json).state
    for (let poll = 0; packageState !== 'Processed' && poll < GA_POLLS; poll++) {
      await new Promise(resolve => setTimeout(resolve, 250))
      const current = await api('GET', `/products/${pid}/packages/${pkg.id}`)
      expect(current.status).toBe(200)
      packageState = (current.body as Json).state
      expect(packageState).not.toBe('ProcessFailed')
    }
    expect(packageState).toBe('Processed')

    // 8. the plan's technical configuration, by the Package draft instance
    const configs = await api(
      'GET',
      `/products/${pid}/packageConfigurations/getByInstanceID(instanceID=${draft})`
    )
    expect(configs.status).toBe(200)
    const config = (configs.body as { value: Json[] }).value[0]
    expect(config).toMatchObject({ resourceType: 'AzureSolutionTemplatePackageConfiguration' })

    // 9. point it at the new package (lower-case path and If-Match, as GA sends them)
    const put = await api(
      'PUT',
      `/products/${pid}/packageconfigurations/${config.id}`,
      {
        resourceType: config.resourceType,
        version: '1.2.3',
        packageReferences: [{ type: 'AzureApplicationPackage', value: pkg.id }],
        id: config.id
      },
      { 'If-Match': config['@odata.etag'] as string }
    )
    expect(put.status).toBe(200)
    expect((put.body as Json)['@odata.etag']).not.toBe(config['@odata.etag'])

    const after = await api(
      'GET',
      `/products/${pid}/packageconfigurations/getByInstanceID(instanceID=${draft})`
    )
    expect((after.body as { value: Json[] }).value[0]).toMatchObject({
      version: '1.2.3',
      packageReferences: [{ type: 'AzureApplicationPackage', value: pkg.id }]
    })

    // The emulator's own state: the plan's draft configuration references the processed package.
    const state = (await emulator.adminJson('/state')) as { products: StoredProduct[] }
    const stored = state.products.find(p => p.productId === pid) as StoredProduct
    const configuration = stored.resources.find(
      r => r.kind === 'packageConfiguration' && r.instanceID === draft
    )
    expect(configuration?.body.packageReferences).toEqual([
      { type: 'AzureApplicationPackage', value: pkg.id }
    ])
    expect(stored.packages.map(p => p.body.id)).toContain(pkg.id)
  })

  it('logged every step as valid', async () => {
    const log = (await (await emulator.admin('/requests')).json()) as {
      method: string
      path: string
      validation: string
    }[]
    const apiCalls = log.filter(
      e => e.path.startsWith('/v1.0/ingestion') || e.path.startsWith('/products')
    )
    expect(apiCalls.length).toBeGreaterThanOrEqual(9)
    expect(apiCalls.filter(e => e.validation !== 'ok')).toEqual([])
  })
})
