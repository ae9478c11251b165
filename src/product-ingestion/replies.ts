/** The fields of each reply the action relies on, checked before anyone reads them (reply.ts). */
import type { Shape } from '../ingestion/reply.js'

export const PI_SHAPES = {
  configureStatus: {
    name: 'a configure job status',
    required: { jobId: 'string', jobStatus: 'string', jobResult: 'string' },
    optional: { errors: 'array' }
  },
  configureDetail: { name: 'a configure job detail', optional: { resources: 'array' } },
  resource: { name: 'a resource', required: { $schema: 'string', id: 'string' } },
  resourceTree: { name: 'a resource tree', required: { resources: 'array' } },
  submission: {
    name: 'a submission',
    required: { id: 'string', target: 'object' },
    optional: { status: 'string', result: 'string' }
  }
} satisfies Record<string, Shape>
