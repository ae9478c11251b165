/** Results and a recording sink for the report unit tests. */
import type { OfferResult } from '../../src/publish/result.js'
import type { AnnotationProperties, ReportSink } from '../../src/report/sink.js'

export function result(overrides: Partial<OfferResult> = {}): OfferResult {
  return {
    offerId: 'contoso-analytics',
    productId: 'prod-1',
    submissionId: '1152921505697735884',
    status: 'preview',
    releaseNumber: 3,
    partnerCenterUrl:
      'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/prod-1/overview',
    previewLinks: [],
    changes: [{ action: 'update', subject: 'offer listing', fields: ['title'] }],
    packages: [
      { label: 'standard', fileName: 'standard-1.2.3.zip', version: '1.2.3', packageId: 'pkg-1' }
    ],
    timeline: [
      { state: 'InProgress/Submitted', at: Date.UTC(2026, 0, 1, 12), durationMs: 65_000 },
      { state: 'Published/ReadyToPublish', at: Date.UTC(2026, 0, 1, 12, 1, 5) }
    ],
    errors: [],
    ...overrides
  }
}

export interface Recorded {
  sink: ReportSink
  lines: string[]
  annotations: Array<{
    level: 'notice' | 'warning' | 'error'
    message: string
    properties?: AnnotationProperties
  }>
  outputs: Record<string, string>
  summary: { markdown: string; text: string }
  failed: string[]
  /** Values passed to setSecret, in order. */
  secrets: string[]
}

export function recordingSink(): Recorded {
  const rec: Recorded = {
    sink: undefined as unknown as ReportSink,
    lines: [],
    annotations: [],
    outputs: {},
    summary: { markdown: '', text: '' },
    failed: [],
    secrets: []
  }
  rec.sink = {
    setSecret: value => rec.secrets.push(value),
    info: line => rec.lines.push(line),
    debug: () => undefined,
    isDebug: () => false,
    notice: (message, properties) => rec.annotations.push({ level: 'notice', message, properties }),
    warning: (message, properties) =>
      rec.annotations.push({ level: 'warning', message, properties }),
    error: (message, properties) => rec.annotations.push({ level: 'error', message, properties }),
    startGroup: () => undefined,
    endGroup: () => undefined,
    setOutput: (name, value) => (rec.outputs[name] = value),
    writeSummary: async (markdown, text) => {
      rec.summary = { markdown, text }
    },
    fail: message => rec.failed.push(message)
  }
  return rec
}
