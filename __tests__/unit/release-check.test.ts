/**
 * What the release workflow checks before it releases a tag (scripts/release-check.mjs): the tag
 * is package.json's version, the docs name the repository being released and pin the major tag
 * it moves, and the README shows the exact pin.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { actionReferences, readDocs, releaseProblems } from '../../scripts/release-check.mjs'
import { REPO_ROOT } from '../helpers/emulator.js'

const REPOSITORY = 'contoso/marketplace-publish-action'
const README = [
  '```yaml',
  "      - uses: 'contoso/marketplace-publish-action@v1'",
  '```',
  'Pin `@v1` or `@v1.2.3`.'
].join('\n')
const EXAMPLE = [
  '# yaml-language-server: $schema=https://raw.githubusercontent.com/contoso/marketplace-publish-action/v1/schema/marketplace.schema.json',
  'steps:',
  '  - uses: actions/checkout@v5',
  '  - uses: ./',
  '  - uses: contoso/marketplace-publish-action@v1',
  '    with: { mode: list }'
].join('\n')
const docs = [
  { file: 'README.md', text: README },
  { file: 'examples/workflows/publish.yml', text: EXAMPLE }
]
const release = { tag: 'v1.2.3', repository: REPOSITORY, version: '1.2.3', docs }

describe('the release check', () => {
  test("finds the action's references: uses and schema URLs, not GitHub's actions or ./", () => {
    expect(actionReferences(EXAMPLE)).toEqual([
      { line: 1, repository: REPOSITORY, ref: 'v1' },
      { line: 5, repository: REPOSITORY, ref: 'v1' }
    ])
    expect(actionReferences('- uses: contoso/x/sub/path@v2')).toEqual([
      { line: 1, repository: 'contoso/x', ref: 'v2' }
    ])
  })

  test('lets a release go when the tag, package.json and the docs agree', () => {
    expect(releaseProblems(release)).toEqual([])
    // GitHub compares repository names without case.
    expect(
      releaseProblems({ ...release, repository: 'Contoso/Marketplace-Publish-Action' })
    ).toEqual([])
  })

  test("refuses a tag that is not package.json's version, or not a version tag", () => {
    expect(releaseProblems({ ...release, version: '1.2.2' })).toEqual([
      {
        file: 'package.json',
        message:
          'The tag v1.2.3 does not match package.json\'s version 1.2.2: set "version" to "1.2.3" ' +
          'in the commit you tag, or tag v1.2.2.'
      }
    ])
    for (const tag of ['v1', 'v1.2', '1.2.3', 'v1.2.3.4', 'release-1.2.3'])
      expect(releaseProblems({ ...release, tag })).toEqual([
        {
          message:
            `${tag} is not a release tag: push vMAJOR.MINOR.PATCH (e.g. v1.2.3); the major tag (v1) ` +
            'is moved by the release workflow itself.'
        }
      ])
  })

  test('refuses docs that name another repository, at each file and line', () => {
    const problems = releaseProblems({ ...release, repository: 'fabrikam/marketplace-publish' })
    expect(problems.map(p => `${p.file}:${p.line}`)).toEqual([
      'README.md:2',
      'examples/workflows/publish.yml:1',
      'examples/workflows/publish.yml:5'
    ])
    expect(problems[0].message).toBe(
      'names the action contoso/marketplace-publish-action, but this repository is ' +
        'fabrikam/marketplace-publish: replace the name in README.md, docs/ and examples/ before releasing.'
    )
  })

  test('refuses docs that pin another major, and a README without the exact pin', () => {
    const v2 = { ...release, tag: 'v2.0.0', version: '2.0.0' }
    expect(releaseProblems(v2)).toEqual([
      { file: 'README.md', line: 2, message: 'pins @v1, but this release moves v2: pin @v2.' },
      {
        file: 'examples/workflows/publish.yml',
        line: 1,
        message: 'pins @v1, but this release moves v2: pin @v2.'
      },
      {
        file: 'examples/workflows/publish.yml',
        line: 5,
        message: 'pins @v1, but this release moves v2: pin @v2.'
      },
      {
        file: 'README.md',
        message: "does not show this release's exact pin @v2.0.0: update its Versions paragraph."
      }
    ])
  })

  test('a pre-release moves no tag: it needs neither the major pin nor the exact one', () => {
    expect(releaseProblems({ ...release, tag: 'v2.0.0-rc.1', version: '2.0.0-rc.1' })).toEqual([])
  })

  test("this repository's docs pass for package.json's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))
    const problems = releaseProblems({
      tag: `v${version}`,
      repository: REPOSITORY,
      version,
      docs: readDocs(REPO_ROOT)
    })
    expect(problems).toEqual([])
  })

  test('the command prints each problem as an annotation on a runner and exits 1', () => {
    const run = (env: Record<string, string>) => {
      try {
        execFileSync(
          process.execPath,
          ['scripts/release-check.mjs', 'v0.0.1', 'fabrikam/marketplace-publish'],
          { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' }
        )
        return { status: 0, stderr: '' }
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer }
        return { status: failed.status, stderr: failed.stderr.toString() }
      }
    }
    const onRunner = run({ GITHUB_ACTIONS: 'true' })
    expect(onRunner.status).toBe(1)
    const lines = onRunner.stderr.trim().split('\n')
    expect(lines[0]).toMatch(/^::error file=package\.json::The tag v0\.0\.1 does not match/)
    expect(lines).toContainEqual(
      expect.stringMatching(/^::error file=README\.md,line=\d+::names the action contoso\//)
    )
    expect(run({}).stderr).toMatch(/^package\.json: The tag v0\.0\.1 does not match/)
  })
})
