import { describe, expect, it } from '@jest/globals'
import { worstStatus } from '../../src/publish/result.js'
import { OUTPUT_NAMES, outputValues } from '../../src/report/outputs.js'
import { result } from './report-fixtures.js'

describe('outputs', () => {
  it('describes the first offer and gives every offer in result', () => {
    const outputs = outputValues([
      result(),
      result({ offerId: 'contoso-managed-ops', productId: 'prod-2', status: 'live' })
    ])
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(outputs['product-id']).toBe('prod-1')
    expect(outputs['submission-id']).toBe('1152921505697735884')
    expect(outputs['release-number']).toBe('3')
    expect(outputs.status).toBe('preview')
    expect(outputs['preview-links']).toBe('')
    const parsed = JSON.parse(outputs.result)
    expect(parsed).toHaveLength(2)
    expect(parsed[1]).toEqual({
      offerId: 'contoso-managed-ops',
      productId: 'prod-2',
      submissionId: '1152921505697735884',
      status: 'live',
      releaseNumber: 3,
      partnerCenterUrl: expect.stringContaining('/offers/prod-1/overview'),
      previewLinks: []
    })
  })

  it('leaves outputs empty, not "undefined", for an offer that got nowhere', () => {
    const outputs = outputValues([
      {
        offerId: 'x',
        status: 'failed',
        previewLinks: [],
        changes: [],
        packages: [],
        timeline: [],
        errors: []
      }
    ])
    expect(outputs['product-id']).toBe('')
    expect(outputs['release-number']).toBe('')
    expect(outputs.status).toBe('failed')
  })

  it('reports the worst status of all offers', () => {
    expect(worstStatus(['live', 'preview'])).toBe('preview')
    expect(worstStatus(['live', 'failed', 'draft'])).toBe('failed')
    expect(worstStatus(['planned', 'planned'])).toBe('planned')
    expect(worstStatus([])).toBe('failed')
  })
})
