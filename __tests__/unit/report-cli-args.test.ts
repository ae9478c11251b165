import { describe, expect, it } from '@jest/globals'
import { envName, parseCommandLine } from '../../src/cli-args.js'

describe('CLI arguments', () => {
  it('reads --name value, --name=value, switches and their --no- forms', () => {
    const line = parseCommandLine([
      '--tenant-id',
      't1',
      '--target=live',
      '--dry-run',
      '--no-wait',
      '--manifest',
      'm.yml',
      '--debug'
    ])
    expect(Object.fromEntries(line.inputs)).toEqual({
      'tenant-id': 't1',
      target: 'live',
      'dry-run': 'true',
      wait: 'false',
      manifest: 'm.yml'
    })
    expect(line).toMatchObject({ debug: true, help: false })
  })

  it('leaves debug unset when neither --debug nor --no-debug is given', () => {
    expect(parseCommandLine(['--help'])).toMatchObject({ debug: undefined, help: true })
  })

  it.each([
    [['publish'], "Unexpected argument 'publish'"],
    [['--no-such-flag', 'x'], "Unknown option '--no-such-flag'"],
    [['--manifest'], "Option '--manifest <value>' argument missing"],
    [['--wait=false'], "Option '--wait' does not take an argument"]
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message)
  })

  it('maps input names to MARKETPLACE_ environment variables', () => {
    expect(envName('client-secret')).toBe('MARKETPLACE_CLIENT_SECRET')
  })
})
