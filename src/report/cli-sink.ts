/** The report sink of the command line: progress on stdout, problems on stderr, a plain-text summary. */
import { formatPlace } from './location.js'
import type { AnnotationProperties, ReportSink } from './sink.js'

export interface CliSinkOptions {
  debug: boolean
  /** Masks a secret in a log that can (a runner's); a terminal's cannot, so redaction alone. */
  setSecret?: (value: string) => void
  out: (text: string) => void
  err: (text: string) => void
}

export function cliSink(options: CliSinkOptions): ReportSink {
  const { out, err } = options
  const problem = (label: string, message: string, properties?: AnnotationProperties): void => {
    const place = formatPlace(properties)
    err(`${label}: ${place ? `${place}: ` : ''}${message}\n`)
  }
  return {
    setSecret: value => options.setSecret?.(value),
    info: line => out(`${line}\n`),
    debug: line => {
      if (options.debug) err(`debug: ${line}\n`)
    },
    isDebug: () => options.debug,
    notice: message => out(`notice: ${message}\n`),
    warning: (message, properties) => problem('warning', message, properties),
    error: (message, properties) => problem('error', message, properties),
    startGroup: name => out(`${name}\n`),
    endGroup: () => undefined,
    // The terminal has no step outputs: everything they hold is in the summary.
    setOutput: () => undefined,
    writeSummary: async (_markdown, plainText) => out(`\n${plainText}`),
    fail: message => err(`${message}\n`)
  }
}
