import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { envName, inFlags, parseCommandLine } from '../../src/cli-args.js'
import { INPUT_NAMES } from '../../src/settings.js'

const SRC = join(import.meta.dirname, '..', '..', 'src')

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
    [['publsh'], "Unknown command 'publsh'; use one of: publish, follow, list, check"],
    [['check', 'marketplace.yml'], "Unexpected argument 'marketplace.yml'"],
    [['check', '--mode', 'publish'], "The command 'check' and --mode publish disagree"],
    [['--no-such-flag', 'x'], "Unknown option '--no-such-flag'"],
    [['--manifest'], "Option '--manifest <value>' argument missing"],
    [['--wait=false'], "Option '--wait' does not take an argument"]
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message)
  })

  it('maps input names to MARKETPLACE_ environment variables', () => {
    expect(envName('client-secret')).toBe('MARKETPLACE_CLIENT_SECRET')
  })

  it.each(['publish', 'check', 'follow', 'list'])(
    'takes the mode %s as the first argument',
    mode => {
      expect(parseCommandLine([mode, '--manifest', 'm.yml']).inputs.get('mode')).toBe(mode)
      expect(parseCommandLine(['--manifest', 'm.yml', mode]).inputs.get('mode')).toBe(mode)
      expect(parseCommandLine([mode, '--mode', mode]).inputs.get('mode')).toBe(mode)
    }
  )
})

describe('messages on the command line', () => {
  it.each([
    ['Input "tenant-id" is required', '--tenant-id is required'],
    [
      'Pass the `version` input (e.g. 1.2.3), or run on a pushed tag such as v1.2.3.',
      'Pass --version (e.g. 1.2.3), or run on a pushed tag such as v1.2.3.'
    ],
    ['Set the `concurrency` input to 4.', 'Set --concurrency to 4.'],
    [
      'Either set the `client-secret` input (from a',
      'Either set MARKETPLACE_CLIENT_SECRET (from a'
    ],
    ['Input "offers": "x" matches no offer', '--offers: "x" matches no offer']
  ])('speak of flags: %s', (action, cli) => {
    expect(inFlags(action)).toBe(cli)
  })

  it('every message in src names an input as "the `name` input" or Input "name"', () => {
    const names = Object.values(INPUT_NAMES).join('|')
    const mention = new RegExp(`(?:the )?\`?\\b(?:${names})\`? input\\b`, 'g')
    const odd = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter(file => file.endsWith('.ts'))
      .flatMap(file =>
        readFileSync(join(SRC, file), 'utf8')
          .split('\n')
          .filter(line => !/^\s*(\/\/|\*|\/\*\*)/.test(line))
          .flatMap(line => line.match(mention) ?? [])
          .filter(found => !/^the `[a-z-]+` input$/.test(found))
          .map(found => `${file}: ${found}`)
      )
    expect(odd).toEqual([])
  })

  it('leaves other text alone, including names that are no input', () => {
    const text = 'Input "versions" and the `title` input; offers[0].listing.title is empty'
    expect(inFlags(text)).toBe(text)
  })
})
