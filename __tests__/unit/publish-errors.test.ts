import { describe, expect, it } from '@jest/globals'
import { PublishError } from '../../src/errors.js'
import { toResultErrors } from '../../src/publish/errors.js'

describe('toResultErrors', () => {
  it('turns an unexpected exception into one "please report" line without its stack', () => {
    const [row, ...rest] = toResultErrors(
      new TypeError("Cannot read properties of undefined (reading 'id')")
    )
    expect(rest).toEqual([])
    expect(row.code).toBe('UNEXPECTED')
    expect(row.message).toContain('please report')
    expect(row.message).not.toMatch(/\n\s+at /)
  })

  it('gives one row per manifest problem, at its place, and no summary row on top', () => {
    const problems = [
      {
        message: 'offers[0].plans[0].package: no file matches',
        field: 'offers[0].plans[0].package',
        source: { file: '/w/m.yml', line: 8, column: 18 },
        hint: 'Check the path.'
      },
      {
        message: 'offers[0].id: invalid',
        field: 'offers[0].id',
        source: { file: '/w/m.yml', line: 3 }
      }
    ]
    const rows = toResultErrors(
      new PublishError('MANIFEST_INVALID', 'The manifest has 2 problems.', { cause: problems })
    )
    expect(rows).toEqual([
      {
        code: 'MANIFEST_INVALID',
        message: 'offers[0].plans[0].package: no file matches Check the path.',
        source: { file: '/w/m.yml', line: 8, column: 18 },
        severity: undefined
      },
      {
        code: 'MANIFEST_INVALID',
        message: 'offers[0].id: invalid',
        source: { file: '/w/m.yml', line: 3 },
        severity: undefined
      }
    ])
  })

  it('adds the hint and the request id once, and masks SAS signatures', () => {
    const error = new PublishError(
      'HTTP_STATUS',
      'Could not upload: PUT https://blob/x?sv=1&sig=abc123 answered HTTP 403 (request-id r-1)',
      { hint: 'Run again.', requestId: 'r-1' }
    )
    const [row] = toResultErrors(error)
    expect(row.message).toBe(
      'Could not upload: PUT https://blob/x?sv=1&sig=*** answered HTTP 403 (request-id r-1) Run again.'
    )
  })
})
