/**
 * `mode: check` through dist/ as the runner runs it: no tenant, client or secret, and not one
 * request, neither to the emulator (its request log stays empty although the endpoints point at
 * it) nor to GitHub. The examples pass; each bad input fails with exit 1 and one clear error at
 * its line, the same annotation a publish gives. dry-run-on-pr.yml runs it for a fork's pull
 * request.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import { inputs, runAction } from '../helpers/runner.js'
import { annotations, problems } from './annotations.js'
import { sessionForFile } from './session.js'
import { emulatorParts, exampleCheckout, jobRuns, runActionStep, type StepRun } from './workflow.js'

const session = sessionForFile()
let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
})

const OFFERS = [
  'contoso-analytics',
  'contoso-managed-ops',
  'contoso-bc-connector',
  'contoso-saas',
  'contoso-vm',
  'contoso-container'
]

/** A check of `workspace`: the endpoints point at the emulator and GitHub, no credential at all. */
async function check(workspace: string, more: Record<string, string> = {}, ref?: string) {
  const { ready } = session.emulator
  await session.reset()
  const run = await runAction(
    {
      ...inputs({
        mode: 'check',
        manifest: 'marketplace.yml',
        version: '1.2.3',
        'authority-host': ready.authorityHost,
        'api-base-url': ready.apiBaseUrl,
        'github-token': github.token,
        ...more
      }),
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: github.repository
    },
    { workspace, ref: ref ?? 'refs/pull/17/merge' }
  )
  expect(await session.requests()).toEqual([])
  expect(github.log).toEqual([])
  return run
}

it('passes on the examples with no credentials and no request, saying what it checked', async () => {
  const run = await check(exampleCheckout())
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(annotations(run.stdout)).toEqual([])
  expect(run.outputs.status).toBe('checked')
  expect(JSON.parse(run.outputs.offers)).toEqual(OFFERS)
  expect(run.stdout).toContain(
    'Checked 6 offer(s) and 20 file(s): no problem found. No credentials were used and no request was sent.'
  )
  expect(run.summary).toContain('## Marketplace check: passed')
  expect(run.summary).toContain(
    '| `offers[0].plans[0].package` | packages/contoso-analytics-standard-1.2.3.zip: zip with mainTemplate.json and createUiDefinition.json at its root, 1.0 KiB |'
  )
  expect(run.summary).toContain(
    '| `offers[0].images.wide` | images/logo-255x115.png: PNG 255x115, 326 bytes |'
  )
  expect(run.summary).toContain(
    '| `offers[2].app` | apps/Contoso_Connector_1.2.3.0.app: Business Central app (NAVX), 36 bytes |'
  )
})

it('leaves release assets and release notes to the publish, and says so', async () => {
  const run = await check(
    exampleCheckout({
      edit: manifest => {
        const offer = manifest.offers[0] as unknown as {
          certificationNotes: string
          plans: object[]
        }
        offer.certificationNotes = 'Release ${{ version }}: ${{ release.notes }}'
        offer.plans[1] = {
          ...offer.plans[1],
          package: { releaseAsset: 'contoso-analytics-premium-${{ version }}.zip' }
        }
      }
    })
  )
  expect(run.code).toBe(0)
  expect(run.summary).toContain(
    '| `offers[0].certificationNotes` | uses ${{ release.notes }}: checked at publish |'
  )
  expect(run.summary).toContain(
    '| `offers[0].plans[1].package.releaseAsset` | release asset contoso-analytics-premium-1.2.3.zip: downloaded and checked at publish |'
  )
  expect(run.stdout).toContain('; 2 left for the publish (it reads the GitHub release).')
})

interface BadInput {
  name: string
  /** Changes the example manifest. */
  edit?: (offer: Record<string, unknown>) => void
  /** Changes the checkout's files. */
  breakage?: (root: string) => void
  message: RegExp
}

const BAD_INPUTS: BadInput[] = [
  {
    name: 'a package that is not there',
    breakage: root => rmSync(join(root, 'packages/contoso-analytics-standard-1.2.3.zip')),
    message: /^no file matches packages\/contoso-analytics-standard-\*\.zip /
  },
  {
    name: 'a package that is not a zip',
    breakage: root =>
      writeFileSync(join(root, 'packages/contoso-analytics-standard-1.2.3.zip'), 'PK\x03\x04'),
    message: /contoso-analytics-standard-1\.2\.3\.zip is not a readable zip file/
  },
  {
    name: 'a logo of the wrong size',
    edit: offer => {
      ;(offer.images as Record<string, unknown>).small = 'images/logo-90x90.png'
    },
    message: /images\/logo-90x90\.png is 90x90 pixels; this image must be 48x48/
  },
  {
    name: 'a package that is a loop of symbolic links',
    breakage: root => {
      const zip = join(root, 'packages/contoso-analytics-standard-1.2.3.zip')
      rmSync(zip)
      symlinkSync('loop.zip', zip)
      symlinkSync('contoso-analytics-standard-1.2.3.zip', join(root, 'packages/loop.zip'))
    },
    message:
      /matches no readable file: packages\/contoso-analytics-standard-1\.2\.3\.zip is a loop of symbolic links \(packages\/contoso-analytics-standard-1\.2\.3\.zip → packages\/loop\.zip → packages\/contoso-analytics-standard-1\.2\.3\.zip\)/
  },
  {
    name: "a summary over Partner Center's limit",
    edit: offer => {
      ;(offer.listing as Record<string, unknown>).summary = 's'.repeat(101)
    },
    message:
      /^offers\[0\]\.listing\.summary is 101 characters long; Partner Center takes at most 100 \(its limit for the search results summary\)/
  },
  {
    name: "a description file over Partner Center's limit",
    breakage: root => writeFileSync(join(root, 'listing/contoso-analytics.html'), 'd'.repeat(5001)),
    message:
      /^listing\/contoso-analytics\.html is 5,001 characters long; offers\[0\]\.listing\.description: Partner Center takes at most 5,000/
  },
  {
    name: 'a YAML syntax error',
    breakage: root =>
      writeFileSync(
        join(root, 'marketplace.yml'),
        'version: 1\noffers:\n  - id: a\n    type: a: b\n'
      ),
    message: /^Nested mappings are not allowed in compact mappings Fix the syntax at this line/
  }
]

it.each(BAD_INPUTS)('fails on $name: exit 1, one error at its line, no request', async bad => {
  const root = exampleCheckout({ edit: manifest => bad.edit?.(manifest.offers[0]) })
  bad.breakage?.(root)
  const run = await check(root)
  expect(run.code).toBe(1)
  const errors = problems(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0].message).toMatch(bad.message)
  expect(errors[0].properties.file).toBe('marketplace.yml')
  expect(errors[0].properties.line).toMatch(/^[1-9]\d*$/)
  expect(run.outputs.status).toBe('failed')
  expect(run.summary).toMatch(/^## Marketplace check: failed/)
})

it('fails once, listing the fields, when no version is known', async () => {
  const run = await check(exampleCheckout(), { version: '' }, 'refs/heads/main')
  expect(run.code).toBe(1)
  const errors = problems(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0].properties.title).toBe('VERSION_REQUIRED')
  expect(errors[0].message).toMatch(
    /^no version is known, and 8 fields need one: offers\[0\]\.certificationNotes \(line \d+\), .*offers\[2\]\.appVersion \(line \d+\), .*offers\[5\]\.plans\[0\]\.cnab\.tag \(line \d+\) Pass the `version` input/
  )
})

it('runs for a fork pull request in dry-run-on-pr.yml, where the plan cannot', async () => {
  const fork: StepRun = {
    ...emulatorParts(session),
    // A fork's pull request gets no secrets.
    secrets: {},
    env: {},
    workflow: 'dry-run-on-pr.yml',
    job: 'check',
    event: {
      name: 'pull_request',
      payload: {
        action: 'opened',
        number: 18,
        pull_request: {
          number: 18,
          head: { sha: '5555555', repo: { full_name: 'someone/marketplace-offers' } }
        }
      }
    },
    ref: 'refs/pull/18/merge',
    steps: { version: { outputs: { value: '1.2.3' } } },
    workspace: exampleCheckout(),
    github
  }
  expect(jobRuns(fork)).toBe(true)
  expect(jobRuns({ ...fork, job: 'plan' })).toBe(false)
  const branch = {
    ...fork.event.payload,
    pull_request: { number: 18, head: { repo: { full_name: github.repository } } }
  }
  expect(jobRuns({ ...fork, event: { ...fork.event, payload: branch } })).toBe(false)

  await session.reset()
  const run = await runActionStep(fork)
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('checked')
  expect(await session.requests()).toEqual([])
  expect(github.log).toEqual([])
})
