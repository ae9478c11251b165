/**
 * What the manifest takes from the run's GitHub release (`${{ release.notes }}`, packages as
 * `{ releaseAsset: glob }`, through src/github/release.ts and Octokit against the GitHub stand-in),
 * and the offer list follow and list load: no version, no release, no file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Agent } from 'undici'
import { isPublishError, type PublishError } from '../../src/errors.js'
import { createGitHubApi } from '../../src/github/client.js'
import type { EventRelease } from '../../src/github/context.js'
import { releaseSource } from '../../src/github/release.js'
import { loadManifest, loadOfferList } from '../../src/manifest/load.js'
import type { ReleaseSource } from '../../src/manifest/release.js'
import { makeZip } from '../emulator/blob-fixtures.js'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import {
  ingestionOffers,
  makeWorkspace,
  markedLine,
  solutionTemplate,
  type Workspace
} from './manifest-fixture.js'

const NOTES = 'Faster exports.\n\nKeeps ${{ version }} as written.'
const PACKAGE = makeZip([
  { name: 'mainTemplate.json', data: '{}' },
  { name: 'createUiDefinition.json', data: '{}' }
])

const dispatcher = new Agent()
let github: GitHubApiStandIn
let workspace: Workspace
let release: EventRelease
beforeAll(async () => {
  github = await startGitHubApi()
  workspace = makeWorkspace()
  const made = github.addRelease('v1.2.3', NOTES, [
    { name: 'analytics-standard-1.2.3.zip', data: PACKAGE },
    { name: 'analytics-premium-1.2.3.zip', data: PACKAGE },
    { name: 'not-a-zip-1.2.3.zip', data: Buffer.from('plain text, not a zip') }
  ])
  release = { id: made.id, tagName: made.tag_name, notes: NOTES }
})
afterAll(async () => {
  workspace.remove()
  await github.close()
  await dispatcher.close()
})

function source(context: { ref?: string; release?: EventRelease } = { release }): ReleaseSource {
  const api = createGitHubApi({
    token: github.token,
    apiUrl: github.url,
    repository: github.repository,
    dispatcher,
    warn: () => undefined,
    debug: () => undefined
  })
  return releaseSource({ context, api, tempDir: mkdtempSync(path.join(tmpdir(), 'assets-')) })
}

async function load(text: string, from?: ReleaseSource, limits = {}) {
  const file = workspace.write('marketplace.yml', text)
  return loadManifest(file, { version: '1.2.3', workspace: workspace.root, release: from, limits })
}

async function problem(text: string, from?: ReleaseSource, limits = {}): Promise<PublishError> {
  try {
    await load(text, from, limits)
  } catch (error) {
    if (isPublishError(error)) return error
    throw error
  }
  throw new Error('expected the manifest to be refused')
}

describe('${{ release.notes }}', () => {
  const notesManifest = solutionTemplate(
    '    certificationNotes: "Release ${{ version }}: ${{ release.notes }}" # <-\n'
  )

  it('is replaced by the notes of the event’s release, once', async () => {
    const manifest = await load(notesManifest, source())
    expect(ingestionOffers(manifest)[0].certificationNotes).toBe(`Release 1.2.3: ${NOTES}`)
  })

  it('is the notes of the tag’s release when the event is a push of the tag', async () => {
    const manifest = await load(notesManifest, source({ ref: 'refs/tags/v1.2.3' }))
    expect(ingestionOffers(manifest)[0].certificationNotes).toBe(`Release 1.2.3: ${NOTES}`)
  })

  it('is a problem at its field when the run has no release', async () => {
    for (const from of [undefined, source({ ref: 'refs/tags/v9.9.9' }), source({})]) {
      const error = await problem(notesManifest, from)
      expect(error.code).toBe('MANIFEST_INVALID')
      expect(error.message).toContain(
        'offers[0].certificationNotes uses ${{ release.notes }} but this run has no GitHub release'
      )
      expect(error.details.source?.line).toBe(markedLine(notesManifest))
    }
  })

  it('is not asked for when the manifest does not use it', async () => {
    const before = github.log.length
    await load(solutionTemplate(), source({ ref: 'refs/tags/v1.2.3' }))
    expect(github.log.slice(before)).toEqual([])
  })
})

describe('{ releaseAsset }', () => {
  const withAsset = (glob: string): string =>
    solutionTemplate().replace(
      'package: packages/contoso-analytics-standard-*.zip',
      `package: { releaseAsset: '${glob}' } # <-`
    )

  it('downloads the one matching asset and checks it like a repository file', async () => {
    const manifest = await load(withAsset('analytics-standard-${{ version }}.zip'), source())
    const pkg = ingestionOffers(manifest)[0].plans[0].package
    expect(pkg.name).toBe('analytics-standard-1.2.3.zip')
    expect(pkg.size).toBe(PACKAGE.length)
    expect(readFileSync(pkg.path)).toEqual(PACKAGE)
    expect(github.log.at(-1)).toMatchObject({ path: expect.stringMatching(/^\/_downloads\//) })
  })

  it.each([
    ['analytics-gold-*.zip', /no asset of release v1\.2\.3 matches analytics-gold-\*\.zip/],
    ['analytics-*.zip', /analytics-\*\.zip matches 2 assets of release v1\.2\.3/],
    ['not-a-zip-*.zip', /release asset not-a-zip-1\.2\.3\.zip is not a readable zip file/]
  ])('refuses %s at its field', async (glob, message) => {
    const text = withAsset(glob)
    const error = await problem(text, source())
    expect(error.code).toBe('MANIFEST_INVALID')
    expect(error.message).toMatch(message)
    expect(error.details.field).toBe('offers[0].plans[0].package.releaseAsset')
    expect(error.details.source?.line).toBe(markedLine(text))
  })

  it('refuses an asset over the size limit before downloading it', async () => {
    const before = github.log.length
    const error = await problem(withAsset('analytics-standard-*.zip'), source(), {
      packageBytes: 100
    })
    expect(error.message).toContain(
      `the asset analytics-standard-1.2.3.zip of release v1.2.3 is ${PACKAGE.length} bytes, more than the 100 bytes allowed`
    )
    expect(github.log.slice(before).map(c => c.path)).not.toContainEqual(
      expect.stringMatching(/_downloads|releases\/assets\//)
    )
  })

  it('is a problem when the run has no release', async () => {
    const error = await problem(withAsset('analytics-standard-*.zip'))
    expect(error.message).toMatch(
      /the release asset analytics-standard-\*\.zip is named, but this run has no GitHub release/
    )
  })
})

describe('loadOfferList', () => {
  it('needs no version, no release and no file, and still checks the rest', async () => {
    const text = solutionTemplate(
      '    certificationNotes: "${{ release.notes }} for ${{ version }}"\n'
    ).replace(
      'package: packages/contoso-analytics-standard-*.zip',
      'package: builds/missing-${{ version }}.zip'
    )
    const file = workspace.write('offers-only.yml', text)
    const listed = await loadOfferList(file, { workspace: workspace.root })
    expect(listed.offers).toEqual([
      {
        offerId: 'contoso-analytics',
        type: 'azure-solution-template',
        name: 'Contoso Analytics',
        source: expect.objectContaining({ line: 3 })
      }
    ])

    workspace.write('offers-only.yml', text.replace('${{ version }}"', '${{ github.sha }}"'))
    await expect(loadOfferList(file, { workspace: workspace.root })).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      message: expect.stringContaining('unknown placeholder ${{ github.sha }}')
    })
  })
})
