/**
 * When the sequence lists what already exists before it creates something (issue 5's fewest
 * calls against resume without duplicates). Each list is one more request per offer.
 *
 * - Packages are listed on every run (packages.ts), whatever `check-existing` says: a package
 *   already uploaded for this file and version leaves no other trace a later run can see until
 *   the configuration points at it, so no cheaper evidence can rule out a duplicate upload.
 *   That list is the 13th request of a one-plan package update (it was the 12th skipped before).
 * - Submissions: listed first when this run changed nothing in the drafts (an earlier attempt may
 *   have submitted them already: adopt it rather than submit twice; or the target may already
 *   show this content: submit nothing), and in a dry run (to report a conflict without writing).
 *   Otherwise the POST goes first: when this run changed a draft, no existing submission can hold
 *   that change, and the service refuses the POST with 409 while another submission is in
 *   progress; only then is the list read, to name (or wait for) it. The 409 is what the emulator
 *   does and what the evidence expects (ingestion-v1.md §4.4, the Store sibling's
 *   `InvalidState`), and Microsoft's own CLI [PCC] posts without a check; the service's behaviour
 *   is not documented, so `check-existing: always` restores the check first.
 */
import type { Settings } from '../settings.js'

type LookFirstSettings = Pick<Settings, 'checkExisting' | 'dryRun'>

export function listsSubmissionsFirst(
  settings: LookFirstSettings,
  draftsUnchanged: boolean
): boolean {
  return settings.checkExisting === 'always' || settings.dryRun || draftsUnchanged
}
