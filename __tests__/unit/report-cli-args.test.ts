import { describe, expect, it } from '@jest/globals'
import { envName, parseFlags } from '../../src/cli-args.js'

describe('CLI arguments', () => {
  it('reads --name value, --name=value and bare boolean flags', () => {
    const flags = parseFlags([
      '--tenant-id',
      't1',
      '--target=live',
      '--dry-run',
      '--manifest',
      'm.yml'
    ])
    expect(Object.fromEntries(flags)).toEqual({
      'tenant-id': 't1',
      target: 'live',
      'dry-run': 'true',
      manifest: 'm.yml'
    })
  })

  it('rejects a stray argument', () => {
    expect(() => parseFlags(['publish'])).toThrow('unexpected argument "publish"')
  })

  it('maps input names to MARKETPLACE_ environment variables', () => {
    expect(envName('client-secret')).toBe('MARKETPLACE_CLIENT_SECRET')
  })
})
