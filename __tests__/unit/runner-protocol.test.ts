/**
 * The runner protocol read and written without @actions/core (so the token request need not wait
 * for it to load) behaves exactly as core does: the same input values, the same settings or
 * errors from them, the same `::add-mask::` bytes on stdout. Compared with the real core here.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import { actionInputs, addMask } from '../../src/runner-protocol.js'
import { INPUT_NAMES, parseSettings } from '../../src/settings.js'

const saved = { ...process.env }
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
  Object.assign(process.env, saved)
})

/** Sets INPUT_* as the runner does and returns what each reader makes of them. */
function withInputs(inputs: Record<string, string>) {
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return { ours: actionInputs(process.env), core: (name: string) => core.getInput(name) }
}

function settingsOrError(read: (name: string) => string): unknown {
  try {
    return parseSettings(read, { GITHUB_WORKSPACE: '/work/space' }, '/cwd')
  } catch (error) {
    return error
  }
}

const whitespace = fc.constantFrom('', ' ', '  ', '\t', '\n', '\r\n', ' \n\t')
const value = fc.tuple(whitespace, fc.string(), whitespace).map(([a, b, c]) => `${a}${b}${c}`)

describe('actionInputs', () => {
  it('reads every input as core.getInput does: trimmed, spaces in names as _, upper case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(INPUT_NAMES), 'with space', 'Mixed-Case'),
        value,
        (name, raw) => {
          const readers = withInputs({ [name]: raw })
          return readers.ours(name) === readers.core(name)
        }
      )
    )
  })

  it('gives "" for an input that is not set, as core does', () => {
    const readers = withInputs({})
    expect(readers.ours('client-secret')).toBe('')
    expect(readers.core('client-secret')).toBe('')
  })

  it.each([
    ['tenant-id missing', { 'client-id': '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b' }],
    ['client-id blank', { 'tenant-id': 'contoso.onmicrosoft.com', 'client-id': ' \n ' }],
    [
      'every input padded',
      {
        'tenant-id': ' contoso.onmicrosoft.com\n',
        'client-id': '\t5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b ',
        'client-secret': ' s3cret\n',
        offers: ' contoso-{a,b} ,\n x ',
        'dry-run': ' true ',
        concurrency: ' 2 '
      }
    ],
    ['an invalid value', { 'tenant-id': 'contoso.onmicrosoft.com', 'client-id': 'not-a-guid' }]
  ])('gives the same settings or the same required-input error (%s)', (_case, inputs) => {
    const readers = withInputs(inputs)
    expect(settingsOrError(readers.ours)).toEqual(settingsOrError(readers.core))
  })
})

describe('addMask', () => {
  function stdoutOf(action: () => void): string {
    const written: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    try {
      action()
    } finally {
      write.mockRestore()
    }
    return written.join('')
  }

  it('writes the bytes core.setSecret writes, escapes included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '%', '\r', '\n', ':', ',', '~', 'é', ' ') }),
        secret => stdoutOf(() => addMask(secret)) === stdoutOf(() => core.setSecret(secret))
      )
    )
    expect(stdoutOf(() => addMask('a%b\r\nc'))).toBe(stdoutOf(() => core.setSecret('a%b\r\nc')))
  })
})
