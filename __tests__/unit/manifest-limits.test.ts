/**
 * Partner Center's limits (src/manifest/limits.ts), checked before the first write: the schema
 * carries every limit of the table (and no other), each limit family refuses one value over it
 * naming the field, the limit and the line, and text read from files or no table entry bounds
 * is held to its limit too.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { PublishError } from '../../src/errors.js'
import { parseField } from '../../src/manifest/field-path.js'
import {
  describeLimit,
  FIELD_LIMITS,
  limitOf,
  OTHER_TEXT_LIMIT,
  textLength,
  type FieldLimit
} from '../../src/manifest/limits.js'
import { loadManifest, type ManifestProblem } from '../../src/manifest/load.js'
import { schemaErrors } from '../../src/manifest/schema-check.js'
import schema from '../../schema/marketplace.schema.json' with { type: 'json' }
import {
  makeWorkspace,
  managedApp,
  markedLine,
  solutionTemplate,
  type Workspace
} from './manifest-fixture.js'

const GUID = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'

/** A manifest that passes the schema and has one value at every field the table names. */
function fullManifest(): Record<string, unknown> {
  const contact = { name: 'Support', email: 'support@contoso.com', phone: '+1 425', uri: url(30) }
  return {
    version: 1,
    offers: [
      {
        id: 'contoso-ops',
        type: 'azure-managed-app',
        name: 'Contoso Ops',
        certificationNotes: 'Notes',
        listing: {
          title: 'Contoso Ops',
          summary: 'Summary',
          shortDescription: 'Short',
          description: '<p>Long</p>',
          keywords: ['ops'],
          gettingStartedInstructions: 'Deploy it.',
          privacyPolicy: url(30),
          links: [{ name: 'Docs', uri: url(30) }],
          contacts: { support: contact, engineering: contact, channelManager: contact }
        },
        images: { screenshots: ['images/screenshot.png'] },
        properties: { categories: ['analytics'], industries: ['retail'], termsOfUse: 'Terms' },
        plans: [
          {
            id: 'managed',
            name: 'Managed',
            listing: { summary: 'Plan summary', description: '<p>Plan</p>' },
            package: 'packages/managed.zip',
            tenantId: GUID,
            authorizations: [{ principalId: GUID, roleDefinitionId: GUID }],
            policies: [
              {
                name: 'audit',
                definitionId: `/providers/Microsoft.Authorization/policyDefinitions/${GUID}`
              }
            ]
          }
        ]
      },
      {
        id: 'contoso-vm',
        type: 'azure-virtual-machine',
        name: 'Contoso VM',
        plans: [
          {
            id: 'gen2',
            name: 'Gen 2',
            image: {
              x64Gen2: {
                osDisk: url(40),
                dataDisks: [{ lun: 0, uri: url(40) }]
              }
            }
          }
        ]
      }
    ]
  }
}

/** An https URL of exactly `length` characters. */
function url(length: number): string {
  const start = 'https://contoso.example.com/'
  return start + 'a'.repeat(length - start.length)
}

/** An email address of exactly `length` characters, valid for the `email` format. */
function email(length: number): string {
  const local = 'support'
  let domain = 'contoso.com'
  while (local.length + 1 + domain.length < length) {
    const room = length - local.length - 1 - domain.length - 1
    domain = `${'d'.repeat(Math.min(63, room))}.${domain}`
  }
  return `${local}@${domain}`
}

/** The table's pattern made concrete: list indexes 0, contact role `support`. */
function concretePath(field: string): (string | number)[] {
  return parseField(field.replace(/\[\]/g, '[0]').replace(/\*/g, 'support'))
}

/** `length` characters of what the field takes, or `length` items like its first one. */
function valueOf(limit: FieldLimit, length: number, current: unknown): unknown {
  if (limit.unit === 'items') return Array.from({ length }, () => (current as unknown[])[0])
  if (/\.(privacyPolicy|uri)$/.test(limit.field)) return url(length)
  if (limit.field.endsWith('.email')) return email(length)
  return 'x'.repeat(length)
}

function withValue(limit: FieldLimit, length: number): { data: unknown; pointer: string } {
  const data = fullManifest()
  // The first offer of a type the limit is for; `image.*` is the image the plan has.
  const offers = data.offers as { type: string }[]
  const index = offers.findIndex(o => !limit.offerTypes || limit.offerTypes.includes(o.type))
  const path = concretePath(limit.field.replace('image.*', 'image.x64Gen2'))
  path[1] = index
  let node = data as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  node[last] = valueOf(limit, length, node[last])
  return { data, pointer: `/${path.join('/')}` }
}

describe('the table of limits', () => {
  test('the full manifest passes the schema', () => {
    expect(schemaErrors(fullManifest())).toEqual([])
  })

  test.each(FIELD_LIMITS.map(limit => [limit.field, limit] as const))(
    'the schema refuses %s one over its limit, and takes it at the limit',
    (_, limit) => {
      const keyword = limit.unit === 'items' ? 'maxItems' : 'maxLength'
      const over = withValue(limit, limit.max + 1)
      const refused = schemaErrors(over.data).filter(e => e.instancePath === over.pointer)
      expect(refused.map(e => [e.keyword, e.params.limit])).toEqual([[keyword, limit.max]])
      const at = withValue(limit, limit.max)
      expect(schemaErrors(at.data).filter(e => e.instancePath === at.pointer)).toEqual([])
    }
  )

  test('every maxLength and maxItems of the schema is a limit of the table', () => {
    const found: string[] = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>
        if (typeof record.maxLength === 'number') found.push(`characters ${record.maxLength}`)
        if (typeof record.maxItems === 'number') found.push(`items ${record.maxItems}`)
        Object.values(record).forEach(walk)
      }
    }
    walk(schema)
    const table = new Set(FIELD_LIMITS.map(limit => `${limit.unit} ${limit.max}`))
    expect(found.filter(entry => !table.has(entry))).toEqual([])
  })

  test('finds the entry of a concrete field, and none for a field it does not name', () => {
    expect(limitOf('offers[2].plans[10].listing.summary')?.max).toBe(100)
    expect(limitOf('offers[0].listing.contacts.engineering.phone')?.max).toBe(50)
    expect(limitOf('offers[0].listing.keywords[1]')?.max).toBe(50)
    expect(limitOf('offers[0].listing.keywords')?.unit).toBe('items')
    expect(limitOf('offers[0].plans[0].customerActions.allowed[0]')).toBeUndefined()
  })

  test('says whether Partner Center documents a limit or the action infers it', () => {
    expect(describeLimit(limitOf('offers[0].listing.title')!)).toBe(
      'Partner Center takes at most 200 (its limit for the offer name)'
    )
    expect(describeLimit(OTHER_TEXT_LIMIT)).toMatch(
      /^this action takes at most 100,000 \(Partner Center documents no limit for the text/
    )
  })

  test('every inferred bound states its reason', () => {
    const inferred = [...FIELD_LIMITS, OTHER_TEXT_LIMIT].flatMap(limit =>
      'inferred' in limit.source ? [limit.source.inferred] : []
    )
    expect(inferred.length).toBeGreaterThan(5)
    for (const reason of inferred) expect(reason.length).toBeGreaterThan(40)
  })

  test('docs/manifest.md shows every limit with its value and source', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'manifest.md'), 'utf8')
    for (const limit of [...FIELD_LIMITS, OTHER_TEXT_LIMIT]) {
      const value = `| ${limit.max.toLocaleString('en-US')} ${limit.unit} `
      const row = doc
        .split('\n')
        .find(line => line.startsWith(`| \`${limit.field}\` `) && line.includes(value))
      const source = 'documented' in limit.source ? 'documented:' : 'inferred:'
      expect({ field: limit.field, row }).toEqual({
        field: limit.field,
        row: expect.stringMatching(
          new RegExp(`\\| ${limit.max.toLocaleString('en-US')} ${limit.unit} +\\| .* \\| ${source}`)
        )
      })
    }
  })

  test('counts characters as code points, as the schema does', () => {
    expect(textLength('😀😀x')).toBe(3)
    expect(textLength('abc')).toBe(3)
  })
})

describe('loadManifest refuses a value over its limit, before anything is sent', () => {
  let ws: Workspace
  beforeEach(() => {
    ws = makeWorkspace()
  })
  afterEach(() => ws.remove())

  async function problemsOf(text: string, limits?: { packageBytes: number }) {
    const file = ws.write('marketplace.yml', text)
    const error = (await loadManifest(file, { version: '1.2.3', workspace: ws.root, limits }).then(
      () => undefined,
      (e: unknown) => e
    )) as PublishError | undefined
    expect(error?.code).toBe('MANIFEST_INVALID')
    return error!.details.cause as ManifestProblem[]
  }

  test('text: a 201-character offer name, at its line', async () => {
    const text = solutionTemplate(`    listing:\n      title: ${'t'.repeat(201)} # <-\n`)
    const [problem] = await problemsOf(text)
    expect(problem).toMatchObject({
      field: 'offers[0].listing.title',
      message:
        'offers[0].listing.title is 201 characters long; Partner Center takes at most 200 (its limit for the offer name)',
      source: { line: markedLine(text) }
    })
  })

  test('items: six screenshots', async () => {
    const shots = Array.from({ length: 6 }, (_, i) => `images/s${i}.png`).join(', ')
    const text = solutionTemplate(`    images:\n      screenshots: [${shots}] # <-\n`)
    const [problem] = await problemsOf(text)
    expect(problem.field).toBe('offers[0].images.screenshots')
    expect(problem.message).toMatch(/has 6 items; Partner Center takes at most 5/)
    expect(problem.source.line).toBe(markedLine(text))
  })

  test('text read from a file: a description file over 5,000 characters, at its file line', async () => {
    ws.write('listing/long.html', `<p>${'x'.repeat(5000)}</p>`)
    const text = solutionTemplate(
      '    listing:\n      description: { file: listing/long.html } # <-\n'
    )
    const [problem] = await problemsOf(text)
    expect(problem.field).toBe('offers[0].listing.description.file')
    expect(problem.message).toBe(
      'listing/long.html is 5,007 characters long; offers[0].listing.description: Partner Center takes at most 5,000 (its limit for the description (HTML markup included))'
    )
    expect(problem.source.line).toBe(markedLine(text))
  })

  test('a plan description file over 2,000 characters', async () => {
    ws.write('listing/plan.html', 'p'.repeat(2001))
    const text = solutionTemplate(
      '',
      '        listing:\n          description: { file: listing/plan.html } # <-\n'
    )
    const [problem] = await problemsOf(text)
    expect(problem.field).toBe('offers[0].plans[0].listing.description.file')
    expect(problem.message).toMatch(/2,001 characters long; .*at most 2,000/)
  })

  test('a 40 MB certification note fails, naming the field, as no service takes it', async () => {
    const text = solutionTemplate(`    certificationNotes: ${'n'.repeat(40 * 1024 * 1024)} # <-\n`)
    const [problem] = await problemsOf(text)
    expect(problem.field).toBe('offers[0].certificationNotes')
    expect(problem.message).toMatch(
      /^offers\[0\]\.certificationNotes is 41,943,040 characters long; this action takes at most 100,000 \(Partner Center documents no limit for the notes for certification/
    )
    expect(problem.source.line).toBe(markedLine(text))
  })

  test('any other text gets the bound of other text', async () => {
    const text = managedApp(`        tenantId: ${GUID}
        authorizations:
          - principalId: ${GUID}
            roleDefinitionId: ${GUID}
        customerActions:
          allowed: [${'a'.repeat(100_001)}] # <-
`)
    const [problem] = await problemsOf(text)
    expect(problem.field).toBe('offers[0].plans[0].customerActions.allowed[0]')
    expect(problem.message).toMatch(/100,001 characters long; this action takes at most 100,000/)
  })

  test('a package with a file larger than Partner Center takes inside the zip', async () => {
    const zip = `${ws.root}/packages/contoso-analytics-standard-1.2.3.zip`
    // The zip itself is within the limit; its mainTemplate.json (1,210 bytes) is not.
    const [problem] = await problemsOf(solutionTemplate(), {
      packageBytes: statSync(zip).size + 10
    })
    expect(problem.field).toBe('offers[0].plans[0].package')
    expect(problem.message).toMatch(
      /holds mainTemplate\.json, 1\.2 KiB uncompressed, more than the 1\.0 KiB Partner Center takes for one file of a package/
    )
  })
})
