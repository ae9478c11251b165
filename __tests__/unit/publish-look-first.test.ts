import { describe, expect, it } from '@jest/globals'
import { listsSubmissionsFirst } from '../../src/publish/look-first.js'

const auto = { checkExisting: 'auto', dryRun: false } as const

describe('listsSubmissionsFirst', () => {
  it.each([
    ['drafts changed: the POST goes first', auto, false, false],
    ['drafts unchanged: an earlier attempt may have submitted them', auto, true, true],
    ['a dry run reports conflicts without a POST', { ...auto, dryRun: true }, false, true],
    ['check-existing always', { ...auto, checkExisting: 'always' }, false, true]
  ] as const)('%s → %p', (_, settings, unchanged, expected) => {
    expect(listsSubmissionsFirst(settings, unchanged)).toBe(expected)
  })
})
