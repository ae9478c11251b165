import { describe, expect, it } from '@jest/globals'
import { listsPackagesFirst, listsSubmissionsFirst } from '../../src/publish/look-first.js'

const auto = { checkExisting: 'auto', runAttempt: 1, dryRun: false } as const

describe('listsPackagesFirst', () => {
  it.each([
    ['a first attempt with nothing configured at this version', auto, false, false],
    ['a first attempt whose plan is configured at this version', auto, true, true],
    ['a re-run of the job (GITHUB_RUN_ATTEMPT 2)', { ...auto, runAttempt: 2 }, false, true],
    ['check-existing always', { ...auto, checkExisting: 'always' }, false, true]
  ] as const)('%s → %p', (_, settings, configured, expected) => {
    expect(listsPackagesFirst(settings, configured)).toBe(expected)
  })
})

describe('listsSubmissionsFirst', () => {
  it.each([
    ['drafts changed: the POST goes first', auto, false, false],
    ['drafts unchanged: an earlier attempt may have submitted them', auto, true, true],
    ['a dry run reports conflicts without a POST', { ...auto, dryRun: true }, false, true],
    ['check-existing always', { ...auto, checkExisting: 'always' }, false, true],
    [
      'a re-run alone does not: only unchanged drafts make adoption possible',
      { ...auto, runAttempt: 2 },
      false,
      false
    ]
  ] as const)('%s → %p', (_, settings, unchanged, expected) => {
    expect(listsSubmissionsFirst(settings, unchanged)).toBe(expected)
  })
})
