import { describe, expect, it } from '@jest/globals'
import {
  coversRequest,
  findBlocking,
  isBlocking,
  outcomeOf
} from '../../src/publish/submission-rules.js'
import type { Submission, SubmissionCreationRequest } from '../../src/ingestion/types.js'

function sub(
  id: string,
  state: string,
  substate: string,
  extra: Partial<Submission> = {}
): Submission {
  return { resourceType: 'Submission', id, state, substate, ...extra }
}

describe('submission rules', () => {
  it.each([
    ['InProgress', 'Submitted', true],
    ['InProgress', 'InDraft', true],
    ['InProgress', 'Failed', false],
    ['InProgress', 'FailedInCertification', false],
    ['Published', 'Publishing', true],
    ['Published', 'ReadyToPublish', false],
    ['Published', 'InStore', false]
  ])('%s/%s blocks: %s', (state, substate, blocking) => {
    expect(isBlocking(sub('1', state, substate))).toBe(blocking)
  })

  it('does not block on a submission whose pending update failed', () => {
    expect(
      isBlocking(sub('1', 'InProgress', 'Submitted', { pendingUpdateInfo: { status: 'Failed' } }))
    ).toBe(false)
  })

  it('picks the in-progress submission first, then the highest release number, whatever the list order', () => {
    const list = [
      sub('pub', 'Published', 'Publishing', { releaseNumber: 9 }),
      sub('old', 'InProgress', 'Submitted', { releaseNumber: 2 }),
      sub('new', 'InProgress', 'Submitted', { releaseNumber: 3 })
    ]
    expect(findBlocking(list)?.id).toBe('new')
    expect(findBlocking([sub('x', 'Published', 'InStore')])).toBeUndefined()
  })

  it('recognises a submission made from exactly the same drafts, in any order and casing', () => {
    const request: SubmissionCreationRequest = {
      resourceType: 'SubmissionCreationRequest',
      targets: [{ type: 'Scope', value: 'preview' }],
      resources: [
        { type: 'Listing', value: 'l1' },
        { type: 'Package', value: 'p1' }
      ],
      variantResources: [{ variantID: 'v1', resources: [{ type: 'Package', value: 'vp1' }] }]
    }
    const same = sub('1', 'InProgress', 'Submitted', {
      resources: [
        { type: 'package', value: 'p1' },
        { type: 'Listing', value: 'l1' }
      ],
      variantResources: [{ variantID: 'v1', resources: [{ type: 'Package', value: 'vp1' }] }]
    })
    expect(coversRequest(same, request)).toBe(true)
    expect(
      coversRequest(
        {
          ...same,
          resources: [
            { type: 'Listing', value: 'l0' },
            { type: 'Package', value: 'p1' }
          ]
        },
        request
      )
    ).toBe(false)
    expect(coversRequest({ ...same, variantResources: [] }, request)).toBe(false)
  })

  it('maps states to outcomes for each target', () => {
    expect(outcomeOf(sub('1', 'Published', 'ReadyToPublish'), 'preview')).toBe('preview')
    expect(outcomeOf(sub('1', 'Published', 'ReadyToPublish'), 'live')).toBe('pending')
    expect(outcomeOf(sub('1', 'Published', 'InStore'), 'preview')).toBe('live')
    expect(outcomeOf(sub('1', 'InProgress', 'FailedInCertification'), 'live')).toBe('failed')
    expect(outcomeOf(sub('1', 'InProgress', 'Submitted'), 'preview')).toBe('pending')
  })
})
