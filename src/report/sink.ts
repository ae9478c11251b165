/**
 * Where the report goes. The action writes to the runner (@actions/core: workflow commands,
 * GITHUB_OUTPUT, the job summary); the CLI writes plain text to the terminal. Everything else in
 * src/report is shared and writes through this interface only.
 */
export interface AnnotationProperties {
  title?: string
  /** Relative to the workspace, so GitHub can place the annotation on the file. */
  file?: string
  startLine?: number
  startColumn?: number
}

export interface ReportSink {
  /**
   * Keeps a secret out of the runner's log from now on (`::add-mask::`). A terminal has no such
   * filter: there the CLI relies on redaction alone (http/redact.ts, which calls this).
   */
  setSecret(value: string): void
  info(line: string): void
  debug(line: string): void
  isDebug(): boolean
  /** Something to know that is neither a problem nor a failure (`::notice::`). */
  notice(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  startGroup(name: string): void
  endGroup(): void
  setOutput(name: string, value: string): void
  /** The summary as GitHub-flavoured Markdown; the CLI prints its own plain-text rendering. */
  writeSummary(markdown: string, plainText: string): Promise<void>
  /** Marks the run failed (exit code 1) with a one-line reason. */
  fail(message: string): void
}
