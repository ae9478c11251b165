import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { isPublishError, type PublishError } from '../../src/errors.js'
import { loadManifest, type ManifestProblem } from '../../src/manifest/load.js'
import type { FileLimits } from '../../src/manifest/limits.js'
import {
  businessCentral,
  LOGOS,
  makeWorkspace,
  managedApp,
  markedLine,
  solutionTemplate,
  type Workspace
} from './manifest-fixture.js'

interface Case {
  name: string
  text: string
  code?: 'MANIFEST_INVALID' | 'MANIFEST_SYNTAX' | 'VERSION_REQUIRED'
  field: string
  /** Defaults to the line marked `# <-`. */
  line?: number
  message: RegExp
  hint: RegExp
  file?: string
  version?: string | null
  limits?: Partial<FileLimits>
  setup?: (ws: Workspace) => void
}

const AUTH = `        tenantId: 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f
        authorizations:
          - principalId: 3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0
            roleDefinitionId: b24988ac-6180-42a0-ab88-20f7382dd24c
`

const cases: Case[] = [
  {
    name: 'YAML syntax error',
    code: 'MANIFEST_SYNTAX',
    text: 'version: 1\noffers:\n  - id: a\n    type: a: b # <-\n',
    field: '',
    message: /Nested mappings are not allowed/,
    hint: /syntax/
  },
  {
    name: 'tab used as indentation',
    code: 'MANIFEST_SYNTAX',
    text: 'version: 1\noffers:\n  - id: a\n\ttype: x # <-\n',
    field: '',
    message: /Tabs are not allowed/,
    hint: /syntax/
  },
  {
    name: 'duplicate YAML key',
    code: 'MANIFEST_SYNTAX',
    text: 'version: 1\noffers: []\nversion: 1 # <-\n',
    field: '',
    message: /unique/i,
    hint: /syntax/
  },
  {
    name: 'JSON syntax error',
    code: 'MANIFEST_SYNTAX',
    file: 'marketplace.json',
    text: '{\n  "version": 1,\n  "offers": [\n    { "id": "a", }\n  ]\n}\n',
    line: 4,
    field: '',
    message: /JSON|Expected/,
    hint: /syntax/
  },
  {
    name: 'unknown offer field with a suggestion',
    text: solutionTemplate('    nmae: Typo # <-\n'),
    field: 'offers[0].nmae',
    message: /unknown field "nmae"/,
    hint: /Did you mean "name"/
  },
  {
    name: 'unknown top-level field',
    text: `${solutionTemplate()}publisher: contoso # <-\n`,
    field: 'publisher',
    message: /unknown field "publisher"/,
    hint: /allowed here are: .*offers/
  },
  {
    name: 'wrong type: keywords as text',
    text: solutionTemplate('    listing:\n      keywords: analytics # <-\n'),
    field: 'offers[0].listing.keywords',
    message: /must be a list, not text/,
    hint: /at most 3/
  },
  {
    name: 'wrong type: description as a number',
    text: solutionTemplate('    listing:\n      description: 42 # <-\n'),
    field: 'offers[0].listing.description',
    message: /text or \{ file: path \}/,
    hint: /file/
  },
  {
    name: 'missing offer type',
    text: 'version: 1\noffers:\n  - id: contoso-analytics # <-\n    name: Contoso\n',
    field: 'offers[0].type',
    message: /missing required field "type"/,
    hint: /Offer type/
  },
  {
    name: 'missing plan package',
    text: `version: 1
offers:
  - id: contoso-analytics
    type: azure-solution-template
    plans:
      - id: standard # <-
        name: Standard
`,
    field: 'offers[0].plans[0].package',
    message: /missing required field "package"/,
    hint: /\.zip package/
  },
  {
    name: 'unknown offer type',
    text: 'version: 1\noffers:\n  - id: contoso-analytics\n    type: azure-solution-templat # <-\n',
    field: 'offers[0].type',
    message: /unknown offer type "azure-solution-templat"/,
    hint: /Did you mean "azure-solution-template"/
  },
  {
    name: 'bad reseller value',
    text: solutionTemplate('    reseller: enabled # <-\n'),
    field: 'offers[0].reseller',
    message: /unsupported value "enabled"/,
    hint: /Enabled, Disabled/
  },
  {
    name: 'unsupported manifest version',
    text: solutionTemplate().replace('version: 1', 'version: 2 # <-'),
    field: 'version',
    message: /must be 1/,
    hint: /only format version/
  },
  {
    name: 'offer ID with capitals',
    text: solutionTemplate().replace('id: contoso-analytics', 'id: Contoso-Analytics # <-'),
    field: 'offers[0].id',
    message: /invalid value "Contoso-Analytics"/,
    hint: /lowercase/
  },
  {
    name: 'empty offers list',
    text: 'version: 1\noffers: [] # <-\n',
    field: 'offers',
    message: /at least 1/,
    hint: /offers to publish/
  },
  {
    name: 'duplicate offer IDs',
    text: `${solutionTemplate()}  - id: contoso-analytics # <-
    type: business-central
    app: apps/Contoso_Connector_1.2.3.0.app
`,
    field: 'offers[1].id',
    message: /duplicate offer ID "contoso-analytics"/,
    hint: /already used on line 3/
  },
  {
    name: 'duplicate plan IDs',
    text: `${solutionTemplate()}      - id: standard # <-
        name: Standard again
        package: packages/contoso-analytics-premium-1.2.3.zip
`,
    field: 'offers[0].plans[1].id',
    message: /duplicate plan ID "standard"/,
    hint: /already used on line 7/
  },
  {
    name: 'plans on a business-central offer',
    text: businessCentral(`    app: apps/Contoso_Connector_1.2.3.0.app
    plans: # <-
      - id: standard
        name: Standard
        package: packages/contoso-analytics-standard-1.2.3.zip
`),
    field: 'offers[0].plans',
    message: /business-central offer has no plans/,
    hint: /Remove "plans"/
  },
  {
    name: 'no plans on an Azure offer',
    text: 'version: 1\noffers:\n  - id: contoso-analytics # <-\n    type: azure-solution-template\n',
    field: 'offers[0].plans',
    message: /has no plans/,
    hint: /at least one plan/
  },
  {
    name: 'managed-app plan without tenantId',
    text: managedApp(`        authorizations:
          - principalId: 3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0
            roleDefinitionId: b24988ac-6180-42a0-ab88-20f7382dd24c
`).replace('      - id: managed', '      - id: managed # <-'),
    field: 'offers[0].plans[0].tenantId',
    message: /has no tenantId/,
    hint: /tenant ID of the publisher/
  },
  {
    name: 'managed-app plan without authorizations',
    text: managedApp('        tenantId: 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f\n').replace(
      '      - id: managed',
      '      - id: managed # <-'
    ),
    field: 'offers[0].plans[0].authorizations',
    message: /has no authorizations/,
    hint: /principalId, roleDefinitionId/
  },
  {
    name: 'managed-app field on a solution-template plan',
    text: solutionTemplate('', '        jitAccess: true # <-\n'),
    field: 'offers[0].plans[0].jitAccess',
    message: /only for azure-managed-app plans/,
    hint: /Remove "jitAccess"/
  },
  {
    name: 'business-central field on an Azure offer',
    text: solutionTemplate('    app: apps/Contoso_Connector_1.2.3.0.app # <-\n'),
    field: 'offers[0].app',
    message: /only for business-central offers/,
    hint: /Remove "app"/
  },
  {
    name: 'business-central offer without app',
    text: businessCentral('    name: Contoso Connector\n').replace(
      '  - id: contoso-bc-connector',
      '  - id: contoso-bc-connector # <-'
    ),
    field: 'offers[0].app',
    message: /missing required field "app"/,
    hint: /\.app file/
  },
  {
    name: 'package file not found',
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/missing.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /file not found: packages\/missing\.zip/,
    hint: /relative to the manifest folder/
  },
  {
    name: 'glob matching no file',
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/standard-*.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /no file matches packages\/standard-\*\.zip/,
    hint: /fix the glob/
  },
  {
    name: 'glob matching two files',
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/contoso-analytics-*.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /matches 2 files .*exactly one is needed/,
    hint: /\$\{\{ version \}\}/
  },
  {
    name: 'package with the wrong extension',
    setup: ws => void ws.write('packages/standard.tar', 'not a zip'),
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/standard.tar # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /extension "\.tar"; expected \.zip/,
    hint: /\.zip file/
  },
  {
    name: 'empty package',
    setup: ws => void ws.write('packages/empty.zip', ''),
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/empty.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /packages\/empty\.zip is empty/,
    hint: /Build the file/
  },
  {
    name: 'package too large',
    limits: { packageBytes: 100 },
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/contoso-analytics-standard-1.2.3.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /KiB, more than the 100 bytes allowed/,
    hint: /right file/
  },
  {
    name: 'zip without mainTemplate.json at the root',
    setup: ws => {
      const zip = readFileSync(path.join(ws.root, 'packages/contoso-analytics-standard-1.2.3.zip'))
      // Rename the entry in both headers: same length, so offsets stay valid.
      ws.write(
        'packages/nested.zip',
        Buffer.from(
          zip.toString('latin1').replaceAll('mainTemplate.json', 'mainTemplate.jsox'),
          'latin1'
        )
      )
    },
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/nested.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /has no mainTemplate\.json at its root/,
    hint: /Zip the files themselves/
  },
  {
    name: 'package that is not a zip',
    setup: ws => void ws.write('packages/fake.zip', 'plain text, not a zip archive'),
    text: solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: packages/fake.zip # <-'
    ),
    field: 'offers[0].plans[0].package',
    message: /not a readable zip/,
    hint: /zip tool/
  },
  {
    name: 'path outside the repository',
    setup: ws => {
      mkdirSync(path.join(ws.root, '..', `${path.basename(ws.root)}-outside`), { recursive: true })
      writeFileSync(
        path.join(ws.root, '..', `${path.basename(ws.root)}-outside`, 'p.zip'),
        readFileSync(path.join(ws.root, 'packages/contoso-analytics-standard-1.2.3.zip'))
      )
    },
    text: '', // filled in per workspace below
    field: 'offers[0].plans[0].package',
    message: /outside the repository/,
    hint: /inside the workspace/
  },
  {
    name: 'image that is not a PNG',
    setup: ws => void ws.write('images/logo.png', 'GIF89a not a png'),
    text: solutionTemplate('    images:\n      small: images/logo.png # <-\n'),
    field: 'offers[0].images.small',
    message: /images\/logo\.png is not a PNG image/,
    hint: /PNG/
  },
  {
    name: 'logo with the wrong size',
    text: solutionTemplate('    images:\n      wide: images/logo-216x216.png # <-\n'),
    field: 'offers[0].images.wide',
    message: /images\/logo-216x216\.png is 216x216 pixels; this image must be 255x115/,
    hint: /exactly 255x115/
  },
  {
    name: 'image with the wrong extension',
    setup: ws => void ws.write('images/logo.jpg', 'jpeg'),
    text: solutionTemplate(`${LOGOS}\n      medium: images/logo.jpg # <-\n`),
    field: 'offers[0].images.medium',
    message: /expected \.png/,
    hint: /\.png file/
  },
  {
    name: 'description file missing',
    text: solutionTemplate(
      '    listing:\n      description: { file: listing/missing.html } # <-\n'
    ),
    field: 'offers[0].listing.description.file',
    message: /file not found: listing\/missing\.html/,
    hint: /relative to the manifest folder/
  },
  {
    name: 'description file that is not UTF-8',
    setup: ws =>
      void ws.write('listing/latin1.html', Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0xff, 0x3c])),
    text: solutionTemplate('    listing:\n      description: { file: listing/latin1.html } # <-\n'),
    field: 'offers[0].listing.description.file',
    message: /not UTF-8 text/,
    hint: /UTF-8/
  },
  {
    name: 'privacy policy that is not a URL',
    text: solutionTemplate('    listing:\n      privacyPolicy: contoso.com/privacy # <-\n'),
    field: 'offers[0].listing.privacyPolicy',
    message: /not a valid URL|invalid value/,
    hint: /URL/
  },
  {
    name: 'contact email that is not an address',
    text: solutionTemplate(
      '    listing:\n      contacts:\n        support: { email: support-at-contoso } # <-\n'
    ),
    field: 'offers[0].listing.contacts.support.email',
    message: /not a valid email address/,
    hint: /support@contoso\.com/
  },
  {
    name: 'more than 3 keywords',
    text: solutionTemplate('    listing:\n      keywords: [a, b, c, d] # <-\n'),
    field: 'offers[0].listing.keywords',
    message: /has 4 items; at most 3/,
    hint: /at most 3/
  },
  {
    name: 'summary longer than 100 characters',
    text: solutionTemplate(`    listing:\n      summary: ${'x'.repeat(101)} # <-\n`),
    field: 'offers[0].listing.summary',
    message: /101 characters long; at most 100/,
    hint: /100 characters/
  },
  {
    name: 'plan version with two parts',
    text: solutionTemplate('', "        version: '1.2' # <-\n"),
    field: 'offers[0].plans[0].version',
    message: /invalid value "1\.2"/,
    hint: /three numbers/
  },
  {
    name: 'published version that cannot be a package version',
    version: '1.2.3-beta.1',
    text: solutionTemplate().replace('      - id: standard', '      - id: standard # <-'),
    field: 'offers[0].plans[0].version',
    message: /1\.2\.3-beta\.1 cannot be used as the package version/,
    hint: /version: 1\.2\.3/
  },
  {
    name: 'business-central app version with three parts',
    text: businessCentral(
      "    app: apps/Contoso_Connector_1.2.3.0.app\n    appVersion: '1.2.3' # <-\n"
    ),
    field: 'offers[0].appVersion',
    message: /invalid value "1\.2\.3"/,
    hint: /four numbers/
  },
  {
    name: 'business-central app that is not an .app',
    setup: ws => void ws.write('apps/broken.app', 'PK not navx'),
    text: businessCentral('    app: apps/broken.app # <-\n'),
    field: 'offers[0].app',
    message: /does not start with NAVX/,
    hint: /AL compiler/
  },
  {
    name: 'invalid tenant GUID on a managed plan',
    text: managedApp(AUTH.replace('8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f', 'my-tenant # <-')),
    field: 'offers[0].plans[0].tenantId',
    message: /invalid value "my-tenant"/,
    hint: /GUID/
  },
  {
    name: 'policy parameters that are not JSON',
    text: managedApp(`${AUTH}        policies:
          - name: audit
            definitionId: /providers/Microsoft.Authorization/policyDefinitions/0a914e76-4921-4c19-b460-a2d36003525a
            parameters: '{not json' # <-
`),
    field: 'offers[0].plans[0].policies[0].parameters',
    message: /not JSON/,
    hint: /mapping, or as a JSON string/
  },
  {
    name: 'unknown placeholder',
    text: solutionTemplate('    certificationNotes: Build ${{ github.sha }} # <-\n'),
    field: 'offers[0].certificationNotes',
    message: /unknown placeholder \$\{\{ github\.sha \}\}/,
    hint: /Only \$\{\{ version \}\}/
  },
  {
    name: 'placeholder without a version',
    code: 'VERSION_REQUIRED',
    version: null,
    text: solutionTemplate('', '        version: ${{ version }} # <-\n'),
    field: 'offers[0].plans[0].version',
    message: /uses \$\{\{ version \}\} but no version is known/,
    hint: /`version` input .* tag such as v1\.2\.3/
  },
  {
    name: 'default plan version without a version',
    code: 'VERSION_REQUIRED',
    version: null,
    text: solutionTemplate().replace('      - id: standard', '      - id: standard # <-'),
    field: 'offers[0].plans[0].version',
    message: /needs a package version but no version is known/,
    hint: /tag such as v1\.2\.3/
  },
  {
    name: 'markets on a solution-template plan',
    text: solutionTemplate('', '        markets: [us] # <-\n'),
    field: 'offers[0].plans[0].markets',
    message: /only for azure-managed-app plans/,
    hint: /Remove "markets"/
  },
  {
    name: 'a managed plan price without markets',
    text: managedApp(`${AUTH}        pricing: { monthly: 10 }\n`).replace(
      '      - id: managed',
      '      - id: managed # <-'
    ),
    field: 'offers[0].plans[0].markets',
    message: /states pricing without markets/,
    hint: /Add "markets"/
  },
  {
    name: 'managed plan markets without a price',
    text: managedApp(`${AUTH}        markets: [us]\n`).replace(
      '      - id: managed',
      '      - id: managed # <-'
    ),
    field: 'offers[0].plans[0].pricing',
    message: /states markets without pricing/,
    hint: /Add "pricing"/
  },
  {
    name: 'a price for a market the plan is not sold in',
    text: managedApp(`${AUTH}        markets: [us]
        pricing:
          monthly: 10
          byMarket:
            - market: gb # <-
              monthly: 8
`),
    field: 'offers[0].plans[0].pricing.byMarket[0].market',
    message: /"gb" is priced but not one of the markets/,
    hint: /Add "gb" to the plan's markets/
  },
  {
    name: 'two prices for one market',
    text: managedApp(`${AUTH}        markets: [us]
        pricing:
          monthly: 10
          byMarket:
            - { market: us, monthly: 8 }
            - { market: us, monthly: 9 } # <-
`),
    field: 'offers[0].plans[0].pricing.byMarket[1].market',
    message: /"us" has two prices/,
    hint: /already priced at byMarket\[0\]/
  },
  {
    name: 'market code in upper case',
    text: managedApp(`${AUTH}        markets: [US] # <-\n        pricing: { monthly: 10 }\n`),
    field: 'offers[0].plans[0].markets[0]',
    message: /invalid value "US"/,
    hint: /lower-case two-letter market code/
  },
  {
    name: 'private audience on a public plan',
    text: solutionTemplate(
      '',
      '        privateAudience: [0b1f6471-1bf0-4dda-aec3-cb9272f09590] # <-\n'
    ),
    field: 'offers[0].plans[0].privateAudience',
    message: /has a privateAudience but is not private/,
    hint: /visibility: private/
  },
  {
    name: 'preview audience that is not a subscription ID',
    text: solutionTemplate('    previewAudience: [my-subscription] # <-\n'),
    field: 'offers[0].previewAudience[0]',
    message: /invalid value "my-subscription"/,
    hint: /GUID/
  },
  {
    name: 'preview audience on a Business Central offer',
    text: businessCentral(
      '    app: apps/Contoso_Connector_1.2.3.0.app\n    previewAudience: [0b1f6471-1bf0-4dda-aec3-cb9272f09590] # <-\n'
    ),
    field: 'offers[0].previewAudience',
    message: /only for Azure Application offers/,
    hint: /Remove "previewAudience"/
  },
  {
    name: 'terms of use and the standard contract together',
    text: solutionTemplate(
      '    properties:\n      termsOfUse: Our terms\n      useEnterpriseContract: true # <-\n'
    ),
    field: 'offers[0].properties.useEnterpriseContract',
    message: /both set/,
    hint: /either/
  }
]

describe('loadManifest refuses invalid manifests', () => {
  let ws: Workspace
  beforeEach(() => {
    ws = makeWorkspace()
  })
  afterEach(() => ws.remove())

  test.each(cases)('$name', async c => {
    c.setup?.(ws)
    let text = c.text
    if (c.name === 'path outside the repository') {
      text = solutionTemplate().replace(
        'package: packages/contoso-analytics-standard-*.zip',
        `package: ../${path.basename(ws.root)}-outside/p.zip # <-`
      )
    }
    const file = ws.write(c.file ?? 'marketplace.yml', text)
    const version = c.version === null ? undefined : (c.version ?? '1.2.3')
    const error = await loadManifest(file, { version, workspace: ws.root, limits: c.limits }).then(
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
    expect(problem?.source.file).toBe(file)
    expect(problem?.source.line).toBe(c.line ?? markedLine(text))
  })

  test('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  test('reports every problem of the file in one pass, in line order', async () => {
    const text = solutionTemplate(
      '    nmae: Typo\n    reseller: maybe\n    images:\n      wide: images/logo-48x48.png\n',
      '        jitAccess: true\n'
    )
    const file = ws.write('marketplace.yml', text)
    const error = (await loadManifest(file, { version: '1.2.3', workspace: ws.root }).catch(
      e => e
    )) as PublishError
    const problems = error.details.cause as ManifestProblem[]
    expect(problems.map(p => p.field)).toEqual([
      'offers[0].nmae',
      'offers[0].reseller',
      'offers[0].images.wide',
      'offers[0].plans[0].jitAccess'
    ])
    expect(error.message).toMatch(
      /^marketplace\.yml has 4 problems; first: offers\[0\]\.nmae \(line 6:5\) unknown field "nmae"$/
    )
    expect(error.details.source).toEqual(problems[0].source)
  })

  test('a manifest that does not exist is MANIFEST_FILE with a hint about the input', async () => {
    const error = (await loadManifest('nope.yml', { workspace: ws.root }).catch(
      e => e
    )) as PublishError
    expect(error.code).toBe('MANIFEST_FILE')
    expect(error.message).toBe('manifest not found: nope.yml')
    expect(error.details.hint).toMatch(/`manifest` input/)
  })

  test('a manifest with another extension is MANIFEST_FILE', async () => {
    ws.write('marketplace.txt', 'version: 1')
    const error = (await loadManifest('marketplace.txt', { workspace: ws.root }).catch(
      e => e
    )) as PublishError
    expect(error.code).toBe('MANIFEST_FILE')
    expect(error.message).toMatch(/not a \.yml, \.yaml or \.json file/)
  })

  test('an invalid version option is INPUT_INVALID', async () => {
    ws.write('marketplace.yml', solutionTemplate())
    const error = (await loadManifest('marketplace.yml', {
      version: 'one',
      workspace: ws.root
    }).catch(e => e)) as PublishError
    expect(error.code).toBe('INPUT_INVALID')
    expect(error.details.hint).toMatch(/1\.2\.3/)
  })
})
