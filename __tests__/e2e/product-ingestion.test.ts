/**
 * The bundled action publishes the seed's SaaS, virtual machine and container offers through the
 * emulated Graph product-ingestion API, as the runner runs it: every target and a dry run per
 * type, an unchanged re-run that sends no configure, a failed job and a refused body annotated at
 * their manifest lines, conflicts, a configure whose reply is lost after it took effect, and no
 * secret in anything the action wrote.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../helpers/runner.js'
import { problems } from './annotations.js'
import { expectNoLeaks } from './leaks.js'
import { configures, ofType, piOfferState } from './pi-state.js'
import { sessionForFile, writesToApi } from './session.js'
import { CNAB_DIGEST, createWorkspace, type ProductIngestionOffer } from './workspace.js'

const OFFERS: ProductIngestionOffer[] = ['contoso-saas', 'contoso-vm', 'contoso-container']
const TARGETS = ['draft', 'preview', 'live'] as const

const session = sessionForFile()
beforeEach(async () => {
  await session.reset()
})

/**
 * Realistic durations divided by `speed` (3600: the default): a submission's phases at the speed
 * of the moment they are read, a job's start and draft edits at the speed it was created with.
 */
async function setSpeed(speed: number): Promise<void> {
  const reply = await session.emulator.admin('/config', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ speed })
  })
  expect(reply.status).toBe(200)
}

/** What each offer's manifest changes, as the draft holds it afterwards. */
function released(offerId: ProductIngestionOffer, draft: Record<string, Record<string, unknown>>) {
  if (offerId === 'contoso-saas') {
    const [config] = ofType(draft, 'software-as-a-service-technical-configuration')
    return config.landingPageUrl
  }
  if (offerId === 'contoso-vm') {
    const [config] = ofType(draft, 'virtual-machine-plan-technical-configuration')
    return (config.vmImageVersions as { versionNumber: string }[]).map(v => v.versionNumber)
  }
  const [config] = ofType(draft, 'container-plan-technical-configuration')
  return (config.cnabReferences as { digest: string }[])[0].digest
}

const EXPECTED: Record<ProductIngestionOffer, unknown> = {
  'contoso-saas': 'https://contoso.example.com/insights/landing',
  'contoso-vm': ['1.0.0', '1.2.3'],
  'contoso-container': CNAB_DIGEST
}

describe.each(OFFERS)('%s', offerId => {
  it.each(TARGETS)('publishes to %s', async target => {
    const before = piOfferState(await session.state(), offerId)
    const run = await runAction(session.env({ target }), { workspace: createWorkspace([offerId]) })

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe(target)
    expect(run.outputs['product-id']).toBe(before.guid)
    expect(run.outputs['partner-center-url']).toBe(
      `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${before.guid}/overview`
    )
    const after = piOfferState(await session.state(), offerId)
    expect(released(offerId, after.draft)).toEqual(EXPECTED[offerId])
    const sent = configures(await session.requests())
    expect(sent.map(r => r.status)).toEqual(target === 'live' ? [202, 202] : [202])
    if (target === 'draft') {
      expect(run.outputs['submission-id']).toBe('')
      expect(after.submissions).toEqual(before.submissions)
    } else {
      const published = after.submissions.at(-1)!
      expect(after.submissions).toHaveLength(before.submissions.length + 1)
      expect(run.outputs['submission-id']).toBe(published.id)
      expect(published.live).toBe(target === 'live')
      expect(released(offerId, published.resources)).toEqual(EXPECTED[offerId])
      expect(run.summary).toContain('**Submission timeline**')
      expect(run.summary).toContain(`| ${target}: completed/succeeded |`)
    }
    expect(run.summary).toContain(`### ${offerId}: ${target}`)
    expect(JSON.parse(run.outputs.result)).toEqual([
      expect.objectContaining({ offerId, status: target, productId: before.guid })
    ])
  })

  it('plans a dry run resource by resource and writes nothing', async () => {
    const run = await runAction(session.env({ target: 'live', 'dry-run': 'true' }), {
      workspace: createWorkspace([offerId])
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('planned')
    expect(writesToApi(await session.requests())).toEqual([])
    expect(run.summary).toContain('**Plan (nothing was written)**')
    expect(run.summary).toContain('| submit | submission to preview (with the changed resources) |')
    // The body each changed resource would be sent with, on one line of the log.
    expect(run.stdout).toMatch(
      /\{"\$schema":"https:\/\/schema\.mp\.microsoft\.com\/schema\/[a-z-]+\/20/
    )
  })
})

describe('re-runs', () => {
  it('a second run with the same manifest sends no configure and says unchanged', async () => {
    const workspace = createWorkspace(['contoso-saas', 'contoso-vm', 'contoso-container'])
    const first = await runAction(session.env({ target: 'live' }), { workspace })
    expect(first.outputs.status).toBe('live')
    await session.emulator.admin('/requests', { method: 'DELETE' })

    const second = await runAction(session.env({ target: 'live' }), { workspace })
    expect(second.code).toBe(0)
    expect(second.outputs.status).toBe('unchanged')
    expect(writesToApi(await session.requests())).toEqual([])
    // Each names the live submission it compared with, and made none itself.
    const results = JSON.parse(second.outputs.result) as Array<Record<string, unknown>>
    const state = await session.state()
    for (const offerId of OFFERS) {
      const live = piOfferState(state, offerId).submissions.at(-1)!
      expect(results.find(r => r.offerId === offerId)).toMatchObject({
        status: 'unchanged',
        submissionId: null,
        comparedWith: {
          submissionId: live.id,
          state: 'live: completed/succeeded',
          compared: expect.arrayContaining([expect.stringMatching(/^plan /)])
        }
      })
      expect(second.summary).toContain(`### ${offerId}: unchanged`)
    }
    expect(second.summary).toMatch(
      /\| Unchanged \| already held by submission\/[0-9a-f-]+\/\d+ \(live: completed\/succeeded\): .+; nothing was submitted \|/
    )
    expect(second.summary).toContain('Nothing changed.')
    expect(second.stdout).toContain('nothing to change: the live already shows the manifest')
  })
})

describe('failures', () => {
  it('a failed configure job is annotated at the line of the resource it names', async () => {
    await session.setFaults('job-failed x1')
    const workspace = createWorkspace(['contoso-container'])
    const run = await runAction(session.env({ target: 'preview' }), { workspace })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    const found = problems(run.stdout)
    expect(found[0].message).toMatch(
      /^Configure job .* of offer "contoso-container" failed \(1 problem/
    )
    expect(found[1]).toMatchObject({
      properties: {
        title: 'contoso-container: CONFIGURE_FAILED',
        file: 'marketplace.yml',
        line: '9'
      },
      message: expect.stringMatching(
        /^businessValidationError: plan standard technical configuration \(CNAB 1\.2\.3\): .*job-failed/
      )
    })
  })

  it('a body the published schema refuses (a planted bad registry name) is annotated at its field, and nothing is applied', async () => {
    const workspace = createWorkspace(['contoso-container'])
    const manifest = join(workspace, 'marketplace.yml')
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'registry: contosoregistry',
        'registry: contoso_registry'
      )
    )
    const before = piOfferState(await session.state(), 'contoso-container')
    const run = await runAction(session.env({ target: 'preview' }), { workspace })
    expect(run.code).toBe(1)
    const [summary, detail] = problems(run.stdout)
    expect(summary.message).toMatch(
      /Partner Center refused the configure request of offer "contoso-container": .*HTTP 400/
    )
    expect(detail).toMatchObject({
      properties: { file: 'marketplace.yml', line: '9' },
      message: expect.stringMatching(
        /^schemaValidationError: plan standard technical configuration .*registryName/
      )
    })
    const [request] = configures(await session.requests())
    expect(request).toMatchObject({ status: 400, validation: 'failed' })
    expect(piOfferState(await session.state(), 'contoso-container').jobs).toBe(before.jobs)
  })

  it('a certification failure fails the run with the reason', async () => {
    await session.setFaults('cert-failed x1')
    const run = await runAction(session.env({ target: 'live' }), {
      workspace: createWorkspace(['contoso-vm'])
    })
    expect(run.code).toBe(1)
    expect(problems(run.stdout).map(p => p.properties.title)).toContain(
      'contoso-vm: SUBMISSION_FAILED'
    )
    expect(run.stdout).toMatch(/Issues found during Certification/)
  })
})

describe('conflicts', () => {
  it('a submission in progress fails a run with changes before it writes anything (on-conflict: fail)', async () => {
    // Certification of this submission takes 108 s (--speed 36), so it is still running below.
    await setSpeed(36)
    const first = await runAction(session.env({ target: 'preview', wait: 'false' }), {
      workspace: createWorkspace(['contoso-saas'])
    })
    expect(first.outputs.status).toBe('submitted')
    await session.emulator.admin('/requests', { method: 'DELETE' })

    const workspace = createWorkspace(['contoso-saas'])
    const manifest = join(workspace, 'marketplace.yml')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('monthly: 12', 'monthly: 14'))
    const second = await runAction(session.env({ target: 'preview' }), { workspace }).finally(() =>
      setSpeed(3600)
    )
    expect(second.code).toBe(1)
    expect(problems(second.stdout)[0]).toMatchObject({
      properties: { title: 'contoso-saas: SUBMISSION_CONFLICT' },
      message: expect.stringMatching(
        new RegExp(`Submission ${first.outputs['submission-id']} .* is still in progress`)
      )
    })
    expect(writesToApi(await session.requests())).toEqual([])
  })

  it('a configure refused while another job holds the offer is sent again once it is released', async () => {
    await session.setFaults('POST /rp/product-ingestion/configure -> 409 x1')
    const run = await runAction(session.env({ target: 'preview' }), {
      workspace: createWorkspace(['contoso-vm'])
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('preview')
    expect(configures(await session.requests()).map(r => r.status)).toEqual([409, 202])
    expect(run.stdout).toContain('another configure job is processing this offer')
  })
})

describe('the configure route under the write faults (issue 9)', () => {
  it.each([
    // [what happens, fault clause, configure answers, what the log says of the first]
    ['fails before taking effect', '503', [503, 202, 202], /made nothing: sending it again/],
    ['takes effect, then the connection drops', 'reset-after', [0, 202], /had taken effect/],
    ['takes effect, then the reply is a 500', '500-after', [500, 202], /had taken effect/]
  ])(
    'a configure that %s is read back and sent only if it made nothing: one preview job',
    async (_, fault, answers, outcome) => {
      await session.setFaults(`POST /rp/product-ingestion/configure -> ${fault} x1`)
      const before = piOfferState(await session.state(), 'contoso-container')
      const run = await runAction(session.env({ target: 'live' }), {
        workspace: createWorkspace(['contoso-container'])
      })
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('live')
      // The preview publish (sent again only when the fault came before it took effect), then
      // the promotion.
      expect(configures(await session.requests()).map(r => r.status)).toEqual(answers)
      const after = piOfferState(await session.state(), 'contoso-container')
      expect(after.jobs).toBe(before.jobs + 2)
      expect(after.submissions).toHaveLength(before.submissions.length + 1)
      expect(run.stdout).toMatch(/failed in transit .*reading the offer back/)
      const first = run.stdout.split('\n').find(l => l.includes('the request to configure offer'))
      expect(first).toMatch(outcome)
    }
  )
})

it('leaks no secret, with step debug logging on and a VHD SAS in the manifest', async () => {
  const workspace = createWorkspace(['contoso-saas', 'contoso-vm'])
  const manifest = join(workspace, 'marketplace.yml')
  const sig = 'c2FzLXNpZ25hdHVyZS1vZi10aGUtdmhk%2Bkey%3D'
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace(
      /          x64Gen2:\n[\s\S]*?tenantId: [^\n]*/,
      `          x64Gen1:\n            osDisk: https://contosoimages.blob.core.windows.net/vhds/os-1.2.3.vhd?sv=2022-11-02&sp=rl&sig=${sig}`
    )
  )
  const runs = [
    await runAction(
      { ...session.env({ target: 'live' }), ACTIONS_STEP_DEBUG: 'true' },
      { workspace }
    ),
    await runAction(
      { ...session.env({ target: 'live', 'dry-run': 'true' }), ACTIONS_STEP_DEBUG: 'true' },
      { workspace }
    )
  ]
  expect(runs.map(r => r.code)).toEqual([0, 0])
  expect(runs[0].stdout).toContain('::debug::')
  expectNoLeaks(runs, [...(await session.secrets()), sig, decodeURIComponent(sig)])
})
