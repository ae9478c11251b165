import { describe, expect, it } from '@jest/globals'
import { planImages } from '../../src/publish/image-plan.js'
import type { ListingImage } from '../../src/ingestion/types.js'
import type { ImageSpec } from '../../src/manifest/model.js'
import { file } from './publish-fixtures.js'

function existing(
  id: string,
  type: string,
  fileName: string,
  state: ListingImage['state'] = 'Processed'
): ListingImage {
  return { resourceType: 'ListingImage', id, type, fileName, state }
}
function wanted(type: ImageSpec['type'], name: string, order = 0): ImageSpec {
  return { type, file: file(name, 500), order }
}

describe('planImages', () => {
  it('keeps an image of the same type and file name', () => {
    const plan = planImages(
      [existing('1', 'AzureLogoLarge', 'large.png')],
      [wanted('AzureLogoLarge', 'large.png')]
    )
    expect(plan).toEqual({ upload: [], remove: [], keep: [expect.objectContaining({ id: '1' })] })
  })

  it('uploads a different file and removes the image it replaces', () => {
    const plan = planImages(
      [existing('1', 'AzureLogoLarge', 'large-v1.png')],
      [wanted('AzureLogoLarge', 'large-v2.png')]
    )
    expect(plan.upload.map(u => u.file.name)).toEqual(['large-v2.png'])
    expect(plan.remove.map(r => r.id)).toEqual(['1'])
  })

  it('replaces a same-named image whose reported size differs', () => {
    const image = { ...existing('1', 'AzureLogoLarge', 'large.png'), fileSize: 999 }
    const plan = planImages([image], [wanted('AzureLogoLarge', 'large.png')])
    expect(plan.upload).toHaveLength(1)
    expect(plan.remove.map(r => r.id)).toEqual(['1'])
  })

  it('never counts an image that failed or never finished uploading', () => {
    const plan = planImages(
      [existing('1', 'AzureLogoSmall', 'small.png', 'PendingUpload')],
      [wanted('AzureLogoSmall', 'small.png')]
    )
    expect(plan.upload).toHaveLength(1)
    expect(plan.remove.map(r => r.id)).toEqual(['1'])
  })

  it('leaves image types the manifest does not state alone', () => {
    const plan = planImages(
      [existing('1', 'AzureScreenshot', 'shot.png')],
      [wanted('AzureLogoLarge', 'large.png')]
    )
    expect(plan.remove).toEqual([])
  })
})
