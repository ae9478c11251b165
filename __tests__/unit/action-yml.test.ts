import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { OUTPUT_NAMES } from '../../src/report/outputs.js'
import { DEFAULTS, INPUT_NAMES } from '../../src/settings.js'

interface ActionYml {
  name: string
  description: string
  author: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description: string; required: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const action = parse(
  readFileSync(path.resolve(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')
) as ActionYml

describe('action.yml', () => {
  test('declares exactly the inputs parseSettings reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT_NAMES).sort())
  })

  test('declares exactly the outputs the reporter sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  test('every input and output is described', () => {
    for (const [name, input] of [
      ...Object.entries(action.inputs),
      ...Object.entries(action.outputs)
    ]) {
      expect({ name, length: input.description.trim().length > 20 }).toEqual({ name, length: true })
    }
  })

  test('no input is required by every mode; the defaults are the parser defaults', () => {
    const required = Object.entries(action.inputs).filter(([, input]) => input.required)
    expect(required.map(([name]) => name)).toEqual([])
    // The credentials are required by the modes that sign in (settings.test.ts), and say so.
    for (const name of ['tenant-id', 'client-id'])
      expect(action.inputs[name].description).toContain('Required in the publish and follow modes')
    expect(action.inputs).toMatchObject({
      mode: { default: DEFAULTS.mode },
      // The runner evaluates the expression: the job's token, which it masks as a secret.
      'github-token': { default: '${{ github.token }}' },
      'oidc-audience': { default: DEFAULTS.oidcAudience },
      manifest: { default: DEFAULTS.manifest },
      target: { default: DEFAULTS.target },
      'dry-run': { default: String(DEFAULTS.dryRun) },
      wait: { default: String(DEFAULTS.wait) },
      'timeout-minutes': { default: String(DEFAULTS.timeoutMinutes) },
      'on-conflict': { default: DEFAULTS.onConflict },
      'authority-host': { default: DEFAULTS.authorityHost },
      'api-base-url': { default: DEFAULTS.apiBaseUrl },
      concurrency: { default: String(DEFAULTS.concurrency) }
    })
  })

  test('runs the bundle on Node 24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.name.length).toBeGreaterThan(0)
    expect(action.author.length).toBeGreaterThan(0)
    expect(action.branding).toEqual({ icon: 'upload-cloud', color: 'blue' })
  })
})
