/**
 * The single put and its fallback to blocks, against Azurite through the emulator's blob front,
 * which enforces the size limits of the storage version in effect. On an `sv=2015-04-05` SAS
 * (64 MiB single puts, 4 MiB blocks) a file just over 64 MiB:
 * - goes in one Put Blob when the host honours our `x-ms-version: 2021-08-06` (5000 MiB);
 * - is refused with 413 by a host that applies the `sv` whatever the header says (unknown for the
 *   Front Door hosts), and then goes in 4 MiB blocks, the limit of every version.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBlobStore, type BlobStore } from '../../emulator/src/blob/index.js'
import { systemClock } from '../../src/clock.js'
import { createTransport } from '../../src/http/transport.js'
import type { Transport } from '../../src/http/types.js'
import { uploadFile } from '../../src/upload/index.js'

const MiB = 1024 * 1024
const SIZE = 64 * MiB + 1024
const OLD_SAS_VERSION = '2015-04-05'

let workDir: string
let filePath: string
let fileHash: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'upload-fallback-'))
  const bytes = randomBytes(SIZE)
  filePath = join(workDir, 'app.zip')
  await writeFile(filePath, bytes)
  fileHash = sha256(bytes)
})

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Runs `test` against a fresh blob store; the store stops afterwards. */
async function withStore(
  ignoreVersionHeader: boolean,
  test: (store: BlobStore) => Promise<void>
): Promise<void> {
  const store = await startBlobStore({
    sasVersion: OLD_SAS_VERSION,
    ignoreVersionHeader,
    now: () => Date.now()
  })
  try {
    await test(store)
  } finally {
    await store.stop()
  }
}

/** Uploads the file to a fresh upload URL of `store`; the result, log lines and stored hash. */
async function upload(store: BlobStore) {
  const { blobName, uri } = store.issueUpload()
  const http = createTransport({ clock: systemClock, baseDelayMs: 10, maxDelayMs: 50 })
  // What the uploader asked for, one entry per request (the transport's retries not included).
  const requests: string[] = []
  const transport: Transport = {
    send: request => {
      requests.push(new URL(request.url).searchParams.get('comp') ?? 'blob')
      return http.send(request)
    },
    counts: () => http.counts()
  }
  const lines: string[] = []
  const result = await uploadFile({
    sasUrl: uri,
    filePath,
    size: SIZE,
    transport,
    log: line => lines.push(line),
    clock: systemClock
  })
  const stored = await fetch(store.readOnlyUri(blobName))
  const storedHash = sha256(new Uint8Array(await stored.arrayBuffer()))
  return { result, lines, requests, storedHash }
}

describe('a file over the 64 MiB limit of its SAS sv', () => {
  it('goes in one Put Blob where the host honours the version we send', async () => {
    await withStore(false, async store => {
      const { result, lines, requests, storedHash } = await upload(store)

      expect(result).toMatchObject({ bytes: SIZE, mode: 'single', blocks: 0 })
      expect(requests).toEqual(['blob'])
      expect(storedHash).toBe(fileHash)
      expect(lines.join('\n')).not.toMatch(/refused/)
    })
  })

  it('goes in 4 MiB blocks, once, after a host applying the sv refuses the single put', async () => {
    await withStore(true, async store => {
      const { result, lines, requests, storedHash } = await upload(store)

      expect(result).toMatchObject({ bytes: SIZE, mode: 'blocks', blocks: 17 })
      // The refused Put Blob, 17 Put Block, Put Block List.
      expect(requests).toEqual(['blob', ...Array<string>(17).fill('block'), 'blocklist'])
      expect(storedHash).toBe(fileHash)
      expect(lines).toContain(
        'upload app.zip: the storage host refused 64.0 MiB in one request (413 RequestBodyTooLarge); sending it in 17 blocks of 4.0 MiB, 4 at a time instead'
      )
      expect(lines.at(-1)).toMatch(/^upload app\.zip: done, 64\.0 MiB in /)
    })
  })
})
