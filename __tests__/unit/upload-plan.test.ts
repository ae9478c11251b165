/**
 * The choice between one Put Blob and blocks, from the size and the limits of the storage version
 * the uploader sends (x-ms-version 2021-08-06: 5000 MiB single puts, 4000 MiB blocks).
 */
import { describe, expect, it } from '@jest/globals'
import { planBlocks, planUpload } from '../../src/upload/upload-plan.js'

const MiB = 1024 * 1024

describe('planUpload', () => {
  it.each([
    ['an empty file', 0],
    ['1 MiB', 1 * MiB],
    ['64 MiB (the old switch to blocks)', 64 * MiB],
    ['257 MiB (over the 2018-03-28 limit)', 257 * MiB],
    ['1000 MiB', 1000 * MiB],
    ['exactly the 5000 MiB limit', 5000 * MiB]
  ])('sends %s in one Put Blob', (_, size) => {
    expect(planUpload(size)).toEqual({ mode: 'single' })
  })

  it('sends blocks of 4 MiB, 4 at a time, one byte over the version limit', () => {
    expect(planUpload(5000 * MiB + 1)).toEqual({
      mode: 'blocks',
      blockSize: 4 * MiB,
      concurrency: 4
    })
  })

  it('takes a lower single-put limit, but never one above the version limit', () => {
    expect(planUpload(2 * MiB, { singlePutLimit: 1 * MiB })).toMatchObject({ mode: 'blocks' })
    expect(planUpload(1 * MiB, { singlePutLimit: 1 * MiB })).toEqual({ mode: 'single' })
    expect(planUpload(5001 * MiB, { singlePutLimit: 6000 * MiB })).toMatchObject({
      mode: 'blocks'
    })
  })
})

describe('planBlocks', () => {
  it('keeps the requested size and concurrency (at least one block in flight)', () => {
    expect(planBlocks(100 * MiB, { blockSize: 8 * MiB, concurrency: 3 })).toEqual({
      blockSize: 8 * MiB,
      concurrency: 3
    })
    expect(planBlocks(100 * MiB, { concurrency: 0 }).concurrency).toBe(1)
  })

  it('raises the block size to whole MiB when the file would need more than 50,000 blocks', () => {
    // 200,000 MiB in 4 MiB blocks would be 50,000 blocks and 1 byte over: 5 MiB blocks fit.
    expect(planBlocks(200_000 * MiB + 1).blockSize).toBe(5 * MiB)
    expect(planBlocks(200_000 * MiB).blockSize).toBe(4 * MiB)
  })

  it('never asks for a block over the version limit of 4000 MiB', () => {
    expect(planBlocks(10_000 * MiB, { blockSize: 5000 * MiB }).blockSize).toBe(4000 * MiB)
  })
})
