/**
 * When the sequence lists what already exists before it creates something (issue 5's fewest
 * calls against issue 4's resume without duplicates). Each list is one more request per offer,
 * and on most runs it finds nothing, so with `check-existing: auto` it is made only where an
 * earlier attempt may have left something behind:
 *
 * - Packages (a second package for the same file and version is the duplicate to avoid): listed
 *   when GitHub re-runs the job (GITHUB_RUN_ATTEMPT > 1, what "Re-run jobs" sets), or when a
 *   plan's technical configuration already holds the version being published (an earlier run got
 *   at least that far). A fresh workflow run stopped between a package upload and the
 *   configuration write is the one case left: its re-run, as a new run, uploads the package again
 *   (the earlier one stays unused); `check-existing: always` covers it.
 * - Submissions: listed first when this run changed nothing in the drafts (an earlier attempt may
 *   have submitted them already: adopt it rather than submit twice), and in a dry run (to report a
 *   conflict without writing). Otherwise the POST goes first: the service refuses it with 409 while
 *   another submission is in progress, and only then is the list read, to name (or wait for) it.
 *   The 409 is what the emulator does and what the evidence expects (ingestion-v1.md §4.4, the
 *   Store sibling's `InvalidState`), and Microsoft's own CLI [PCC] posts without a check; the
 *   service's behaviour is not documented, so `check-existing: always` restores the check first.
 */
import type { Settings } from '../settings.js'

type LookFirstSettings = Pick<Settings, 'checkExisting' | 'runAttempt' | 'dryRun'>

export function listsPackagesFirst(
  settings: LookFirstSettings,
  configuredAtVersion: boolean
): boolean {
  return settings.checkExisting === 'always' || settings.runAttempt > 1 || configuredAtVersion
}

export function listsSubmissionsFirst(
  settings: LookFirstSettings,
  draftsUnchanged: boolean
): boolean {
  return settings.checkExisting === 'always' || settings.dryRun || draftsUnchanged
}
