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
      previewLinks: [],
      comparedWith: null
    })
  })

  it('gives an unchanged offer no submission, and says what it was compared with', () => {
    const comparedWith = {
      submissionId: '1152921505697735001',
      releaseNumber: 2,
      state: 'Published/InStore',
      compared: ['offer listing and images', 'plan standard technical configuration']
    }
    const outputs = outputValues([
      result({
        status: 'unchanged',
        submissionId: undefined,
        releaseNumber: undefined,
        changes: [],
        timeline: [],
        comparedWith
      })
    ])
    expect(outputs.status).toBe('unchanged')
    expect(outputs['submission-id']).toBe('')
    expect(JSON.parse(outputs.result)[0]).toEqual(
      expect.objectContaining({ status: 'unchanged', submissionId: null, comparedWith })
    )
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
    // Unchanged ranks best: one offer live and the rest unchanged is a run that went live.
    expect(worstStatus(['unchanged', 'live', 'unchanged'])).toBe('live')
    expect(worstStatus(['unchanged', 'preview'])).toBe('preview')
    expect(worstStatus(['unchanged', 'unchanged'])).toBe('unchanged')
    expect(worstStatus([])).toBe('failed')
  })
})
