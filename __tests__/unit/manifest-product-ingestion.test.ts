/**
 * The manifest's offers of the product-ingestion API: the example's three load to the model the
 * driver reads, and each rule refuses a bad value with the field, its line and what to do.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import path from 'node:path'
import { isPublishError, type PublishError } from '../../src/errors.js'
import { loadManifest, type ManifestProblem } from '../../src/manifest/load.js'
import { isProductIngestionOffer } from '../../src/manifest/model-product-ingestion.js'
import { makeWorkspace, markedLine, type Workspace } from './manifest-fixture.js'

const repo = path.resolve(import.meta.dirname, '..', '..')

describe('the example offers of the product-ingestion API', () => {
  test('load to the model the driver reads', async () => {
    const manifest = await loadManifest(path.join(repo, 'examples', 'marketplace.yml'), {
      version: '1.2.3',
      workspace: repo
    })
    const [saas, vm, container] = manifest.offers.filter(isProductIngestionOffer)
    expect(saas).toMatchObject({
      offerId: 'contoso-saas',
      type: 'saas',
      name: 'Contoso Insights',
      listing: {
        title: 'Contoso Insights',
        links: [{ name: 'Documentation', uri: 'https://contoso.example.com/insights/docs' }],
        contacts: { support: { name: 'Contoso Support', email: 'support@contoso.example.com' } }
      },
      images: [
        {
          type: 'azureLogoLarge',
          fileName: 'logo-216x216.png',
          url: 'https://contoso.example.com/marketplace/contoso-saas/logo-216x216.png',
          order: 0
        }
      ],
      properties: { categories: { analytics: [] }, useEnterpriseContract: true },
      marketplaceSetup: { sellThroughMicrosoft: true },
      technicalConfiguration: { entraAppId: '3c5a0f7e-2d1b-4e8f-9a6c-7b0d1e2f3a4b' },
      plans: [
        {
          planId: 'starter',
          markets: ['us', 'gb', 'de', 'fr'],
          pricing: { kind: 'saas', model: 'flat-rate', monthly: 100, yearly: 1000 }
        }
      ]
    })
    expect(saas.listing?.description).toContain('<strong>Contoso Insights</strong>')
    expect(vm.plans[0]).toMatchObject({
      image: {
        version: '1.2.3',
        images: [
          {
            imageType: 'x64Gen2',
            source: {
              kind: 'gallery',
              resourceId: expect.stringMatching(/\/images\/ubuntu-22-04\/versions\/1\.2\.3$/)
            }
          }
        ]
      },
      pricing: { kind: 'core', model: 'byol' }
    })
    expect(container.plans[0]).toMatchObject({
      cnab: { tag: '1.2.3', registry: 'contosoregistry' },
      pricing: { kind: 'core', model: 'per-core', price: 0.05 }
    })
  })
})

interface Case {
  name: string
  /** The offers, below `version: 1` and `offers:`. */
  offers: string
  code?: 'MANIFEST_INVALID' | 'VERSION_REQUIRED'
  field: string
  message: RegExp
  hint: RegExp
  version?: string | null
}

const GALLERY_ID =
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu/versions/1.2.3'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'

const vm = (plan: string) => `  - id: contoso-vm
    type: azure-virtual-machine
    plans:
      - id: ubuntu
        name: Ubuntu
${plan}`

const saas = (plan: string, offer = '') => `  - id: contoso-saas
    type: saas
${offer}    plans:
      - id: starter
        name: Starter
${plan}`

const cases: Case[] = [
  {
    name: 'a field of another offer type, with the fields this one has',
    offers: saas('', '    certificationNotes: hello # <-\n'),
    field: 'offers[0].certificationNotes',
    message: /unknown field "certificationNotes"/,
    hint: /allowed here are: .*technicalConfiguration/
  },
  {
    name: 'a package on a SaaS plan',
    offers: saas('        package: x.zip # <-\n'),
    field: 'offers[0].plans[0].package',
    message: /unknown field "package"/,
    hint: /allowed here are: .*pricing/
  },
  {
    name: 'an image URL that is not a URL',
    offers: saas('', '    images:\n      large: logo.png # <-\n'),
    field: 'offers[0].images.large',
    message: /not a valid URL|invalid value/,
    hint: /URL/
  },
  {
    name: 'a webhook on plain http',
    offers: saas(
      '',
      `    technicalConfiguration:
      landingPage: https://contoso.example.com/landing
      webhook: http://contoso.example.com/webhook # <-
      entraTenantId: ${TENANT}
      entraAppId: ${TENANT}
`
    ),
    field: 'offers[0].technicalConfiguration.webhook',
    message: /invalid value/,
    hint: /https:\/\//
  },
  {
    name: 'a SaaS price without an amount',
    offers: saas('        pricing: { model: flat-rate } # <-\n'),
    field: 'offers[0].plans[0].pricing',
    message: /has no price/,
    hint: /monthly and\/or yearly/
  },
  {
    name: 'user limits on a flat-rate price',
    offers: saas(
      '        pricing:\n          model: flat-rate\n          monthly: 10\n          users: { min: 1, max: 5 } # <-\n'
    ),
    field: 'offers[0].plans[0].pricing.users',
    message: /only for per-user/,
    hint: /per-user/
  },
  {
    name: 'user limits upside down',
    offers: saas(
      '        pricing:\n          model: per-user\n          monthly: 10\n          users:\n            min: 9 # <-\n            max: 5\n'
    ),
    field: 'offers[0].plans[0].pricing.users.min',
    message: /above users\.max/,
    hint: /fewest/
  },
  {
    name: 'a per-core price without a price',
    offers: vm('        pricing: { model: per-core } # <-\n'),
    field: 'offers[0].plans[0].pricing',
    message: /needs a price/,
    hint: /per hour and core/
  },
  {
    name: 'a price on a free plan',
    offers: vm('        pricing:\n          model: free\n          price: 1 # <-\n'),
    field: 'offers[0].plans[0].pricing.price',
    message: /free pricing has no price/,
    hint: /flat or per-core/
  },
  {
    name: 'an image without any image type',
    offers: vm('        image:\n          version: 1.2.3 # <-\n'),
    field: 'offers[0].plans[0].image',
    message: /names no image/,
    hint: /x64Gen2/
  },
  {
    name: 'an image with both a gallery image and a VHD',
    offers: vm(
      `        image:\n          x64Gen2:\n            galleryImageVersion: ${GALLERY_ID} # <-\n            tenantId: ${TENANT}\n            osDisk: https://contoso.blob.core.windows.net/vhds/os.vhd\n`
    ),
    field: 'offers[0].plans[0].image.x64Gen2',
    message: /both galleryImageVersion and osDisk/,
    hint: /either galleryImageVersion/
  },
  {
    name: 'a gallery image without its tenant',
    offers: vm(
      `        image:\n          x64Gen2:\n            galleryImageVersion: ${GALLERY_ID} # <-\n`
    ),
    field: 'offers[0].plans[0].image.x64Gen2.tenantId',
    message: /needs the tenantId/,
    hint: /Entra tenant ID/
  },
  {
    name: 'a gallery image that is not an image version id',
    offers: vm(
      `        image:\n          x64Gen2:\n            galleryImageVersion: /subscriptions/x/images/ubuntu # <-\n            tenantId: ${TENANT}\n`
    ),
    field: 'offers[0].plans[0].image.x64Gen2.galleryImageVersion',
    message: /invalid value/,
    hint: /image version resource ID/
  },
  {
    name: 'an image version the published version cannot give',
    version: '1.2.3.4',
    offers: vm(
      `        image:\n          x64Gen1: # <-\n            osDisk: https://contoso.blob.core.windows.net/vhds/os.vhd\n`
    ),
    field: 'offers[0].plans[0].image.version',
    message: /cannot be used as the image version of plan "ubuntu"/,
    hint: /X\.Y\.Z image versions: set "version: 1\.2\.3" under image/
  },
  {
    name: 'an image version when no version is known',
    code: 'VERSION_REQUIRED',
    version: null,
    offers: vm(
      `        image:\n          x64Gen1: # <-\n            osDisk: https://contoso.blob.core.windows.net/vhds/os.vhd\n`
    ),
    field: 'offers[0].plans[0].image.version',
    message: /needs an image version but no version is known/,
    hint: /version: 1\.2\.3/
  },
  {
    name: 'a CNAB digest that is not sha256',
    offers: `  - id: contoso-container
    type: azure-container
    plans:
      - id: standard
        name: Standard
        cnab:
          tenantId: ${TENANT}
          subscriptionId: ${TENANT}
          resourceGroup: containers
          registry: contosoregistry
          repository: bundle
          tag: 1.2.3
          digest: sha256:abc # <-
`,
    field: 'offers[0].plans[0].cnab.digest',
    message: /invalid value "sha256:abc"/,
    hint: /64 lower-case hex digits/
  },
  {
    name: 'terms of use as text and as a link',
    offers: saas(
      '',
      '    properties:\n      termsOfUse: Be nice.\n      termsOfUseUrl: https://contoso.example.com/terms # <-\n'
    ),
    field: 'offers[0].properties.termsOfUseUrl',
    message: /both set/,
    hint: /either as text/
  },
  {
    name: 'a contact without a name',
    offers: saas(
      '',
      '    listing:\n      contacts:\n        support: { email: a@contoso.com } # <-\n'
    ),
    field: 'offers[0].listing.contacts.support.name',
    message: /missing required field "name"/,
    hint: /Contact person/
  },
  {
    name: 'an offer without plans',
    offers: '  - id: contoso-saas # <-\n    type: saas\n',
    field: 'offers[0].plans',
    message: /missing required field "plans"/,
    hint: /at least one/
  }
]

describe('loadManifest refuses invalid product-ingestion offers', () => {
  let ws: Workspace
  beforeEach(() => {
    ws = makeWorkspace()
  })
  afterEach(() => ws.remove())

  test.each(cases)('$name', async c => {
    const text = `version: 1\noffers:\n${c.offers}`
    const file = ws.write('marketplace.yml', text)
    const version = c.version === null ? undefined : (c.version ?? '1.2.3')
    const error = await loadManifest(file, { version, workspace: ws.root }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(isPublishError(error)).toBe(true)
    const { code, details } = error as PublishError
    expect(code).toBe(c.code ?? 'MANIFEST_INVALID')
    const problems = details.cause as ManifestProblem[]
    const problem = problems.find(p => p.field === c.field)
    expect({ problem, problems }).toMatchObject({ problem: expect.anything() })
    expect(problem?.message).toMatch(c.message)
    expect(problem?.hint).toMatch(c.hint)
    expect(problem?.source.line).toBe(markedLine(text))
  })

  test('an unknown offer type lists all six', async () => {
    const file = ws.write('marketplace.yml', 'version: 1\noffers:\n  - id: x\n    type: sass\n')
    const error = (await loadManifest(file, { workspace: ws.root }).catch(e => e)) as PublishError
    const [problem] = error.details.cause as ManifestProblem[]
    expect(problem.message).toBe('unknown offer type "sass" in offers[0].type')
    expect(problem.hint).toMatch(
      /Did you mean "saas"\? Use one of: .*business-central, saas, azure-virtual-machine, azure-container/
    )
    expect((error.details.cause as unknown[]).length).toBe(1)
  })
})
