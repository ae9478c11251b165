/** The one inventory of spec-vs-service differences, and the patches it drives. */
import { describe, expect, it } from '@jest/globals'
import { applyDeviations } from '../../emulator/src/validate/apply-deviations.js'
import { DEVIATIONS, type Deviation } from '../../emulator/src/validate/deviations.js'
import { loadOpenApi } from '../../emulator/src/validate/openapi.js'
import { SPEC_FILE } from './recordings-fixture.js'

const spec = loadOpenApi(SPEC_FILE)

describe('deviations', () => {
  it('have unique ids, evidence and a summary each', () => {
    expect(new Set(DEVIATIONS.map(d => d.id)).size).toBe(DEVIATIONS.length)
    for (const d of DEVIATIONS) {
      expect(d.evidence.length).toBeGreaterThan(10)
      expect(d.summary.length).toBeGreaterThan(10)
    }
  })

  it.each(
    DEVIATIONS.filter(d => d.op !== undefined && d.op !== 'preferred-spelling').map(d => [d.id, d])
  )('%s changes the loaded spec', (_id, deviation) => {
    const patched = applyDeviations(spec, [deviation as Deviation]).doc
    expect(JSON.stringify(patched)).not.toBe(JSON.stringify(spec))
  })

  it('leave the loaded document untouched', () => {
    const before = JSON.stringify(spec)
    applyDeviations(spec, DEVIATIONS)
    expect(JSON.stringify(spec)).toBe(before)
  })

  it('fail loudly when the spec no longer has their target', () => {
    const stale: Deviation = {
      id: 'stale',
      evidence: 'test',
      summary: 'test',
      op: 'success-status',
      operation: 'POST /products/{productID}/nothing',
      from: '201',
      to: '200'
    }
    expect(() => applyDeviations(spec, [stale])).toThrow(
      'deviation stale: the spec has no operation POST /products/{productID}/nothing'
    )
  })

  it('rename the paging link and move the setup status as recorded', () => {
    const { doc } = applyDeviations(spec, DEVIATIONS)
    const paged = doc.components.schemas['Microsoft.Ingestion.Api.Models.Common.PagedCollection']
    expect(Object.keys(paged.properties ?? {})).toEqual(['nextLink'])
    const setup = doc.paths['/products/{productID}/setup'].post.responses
    expect(setup['200']).toBeDefined()
    expect(setup['201']).toBeUndefined()
  })
})
