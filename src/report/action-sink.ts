/** The report sink of the GitHub Action: @actions/core. */
import * as core from '@actions/core'
import type { ReportSink } from './sink.js'

export function actionSink(): ReportSink {
  return {
    setSecret: value => core.setSecret(value),
    info: line => core.info(line),
    debug: line => core.debug(line),
    isDebug: () => core.isDebug(),
    notice: (message, properties) => core.notice(message, properties),
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    startGroup: name => core.startGroup(name),
    endGroup: () => core.endGroup(),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async markdown => {
      // The summary file exists only on a runner; without it there is nowhere to write.
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(markdown, true).write()
    },
    fail: message => core.setFailed(message)
  }
}
