/** Configure jobs: start one, read its status and detail, cancel it (product-ingestion.md §4.1–§4.4). */
import type { ProductIngestionApi } from './api.js'
import type { PiRequester } from './requester.js'
import { PI_SHAPES } from './replies.js'
import { API_VERSION, schemaUri } from './schema.js'
import type { Resource } from './types.js'

type ConfigureCalls = Pick<
  ProductIngestionApi,
  'configure' | 'getJobStatus' | 'getJobDetail' | 'cancelJob'
>

export function configureCalls(http: PiRequester): ConfigureCalls {
  const job = (jobId: string, rest = ''): string => `configure/${encodeURIComponent(jobId)}${rest}`
  return {
    configure: resources =>
      http.create(
        'configure',
        { $schema: schemaUri('configure', API_VERSION), resources },
        PI_SHAPES.configureStatus,
        `send a configure request (${describe(resources)})`
      ),
    getJobStatus: jobId =>
      http.get(
        job(jobId, '/status'),
        PI_SHAPES.configureStatus,
        `read configure job ${jobId}`,
        'poll'
      ),
    getJobDetail: async jobId => {
      const detail = await http.get<{ resources?: Resource[] }>(
        job(jobId),
        PI_SHAPES.configureDetail,
        `read what configure job ${jobId} did`
      )
      return detail.resources ?? []
    },
    cancelJob: jobId =>
      http.update(
        job(jobId, '/cancel'),
        undefined,
        PI_SHAPES.configureStatus,
        `cancel configure job ${jobId}`,
        'POST'
      )
  }
}

/** `3 resources: listing, plan-listing, submission`, for error messages. */
function describe(resources: readonly Resource[]): string {
  const types = resources.map(r => /\/schema\/([^/]+)\//.exec(r.$schema)?.[1] ?? '?')
  return `${resources.length} resource${resources.length === 1 ? '' : 's'}: ${types.join(', ')}`
}
