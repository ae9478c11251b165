/**
 * Loads the offer manifest: parse with positions → placeholders → JSON Schema → rules that span
 * fields → files. Every problem of every stage is reported at once. Nothing here touches the
 * network itself: the release (notes, assets) comes through the `release` option, asked only when
 * the manifest uses it, so a bad manifest fails before the first request to Partner Center.
 */
import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import { PublishError } from '../errors.js'
import { buildOffer, type BuildContext } from './build.js'
import { buildProductIngestionOffer } from './build-product-ingestion.js'
import { parseField } from './field-path.js'
import { describeUnreadable } from './fs-errors.js'
import type { FileContext } from './files.js'
import { DEFAULT_LIMITS, type FileLimits } from './limits.js'
import type { AnyOfferSpec, CheckedItem, Manifest, OfferIdentity } from './model.js'
import { isProductIngestionType } from './model-product-ingestion.js'
import type { PlaceholderName, PlaceholderValues } from './placeholder.js'
import { ProblemList } from './problems.js'
import type { RawManifest, RawOffer } from './raw.js'
import type { RawPiOffer } from './raw-product-ingestion.js'
import type { ReleaseSource } from './release.js'
import { checkOffers } from './rules.js'
import { reportSchemaErrors, schemaErrors, withoutRefusedValues } from './schema-check.js'
import { parseSource, type SourceDocument } from './source.js'
import { checkOtherText } from './text-limits.js'
import { placeholdersUsed, substitutePlaceholders } from './substitute.js'
import { isValidVersion, VERSION_FORMAT_HINT } from './version.js'

export type { ManifestProblem } from './problems.js'

export interface LoadOptions {
  /** The version being published (already validated by the settings); undefined when unknown. */
  version?: string
  /** The repository checkout (GITHUB_WORKSPACE); files may come from here or the manifest folder. */
  workspace: string
  limits?: Partial<FileLimits>
  /** The run's GitHub release (notes, assets), asked only when the manifest uses it. */
  release?: ReleaseSource
}

const MANIFEST_EXTENSIONS = ['.yml', '.yaml', '.json']

/** Everything a publish needs: every placeholder replaced, every file found and checked. */
export async function loadManifest(file: string, options: LoadOptions): Promise<Manifest> {
  return (await buildManifest(file, options, 'publish')).manifest
}

/**
 * `mode: check`: the manifest and every file it names, checked as a publish checks them, with no
 * request at all: what only a publish can read (release assets, `${{ release.notes }}`) is left
 * for it and listed as such. Says what was checked, per offer.
 */
export async function checkManifestFiles(
  file: string,
  options: Omit<LoadOptions, 'release'>
): Promise<ManifestCheck> {
  const { manifest, log, unresolved, source } = await buildManifest(file, options, 'check')
  for (const field of unresolved)
    log.push({ field, what: 'uses ${{ release.notes }}: checked at publish', atPublish: true })
  // In the manifest's order (files are checked concurrently).
  const line = (item: CheckedItem) => source.locate(parseField(item.field)).line ?? 0
  log.sort((a, b) => line(a) - line(b))
  return {
    file: manifest.file,
    offers: manifest.offers.map((offer, index) => ({
      offerId: offer.offerId,
      type: offer.type,
      name: offer.name,
      source: offer.source,
      checked: log.filter(item => item.field.startsWith(`offers[${index}].`))
    }))
  }
}

/** What a check verified, per offer, in manifest order. */
export interface ManifestCheck {
  file: string
  offers: (OfferIdentity & { checked: CheckedItem[] })[]
}

async function buildManifest(
  file: string,
  options: LoadOptions,
  needs: 'publish' | 'check'
): Promise<{
  manifest: Manifest
  log: CheckedItem[]
  unresolved: Set<string>
  source: SourceDocument
}> {
  if (options.version !== undefined && !isValidVersion(options.version)) {
    throw new PublishError('INPUT_INVALID', `version "${options.version}" is not a version`, {
      hint: VERSION_FORMAT_HINT
    })
  }
  const checked = await checkManifest(file, options, needs)
  const { source, problems, display, manifestFile } = checked
  const manifestDir = path.dirname(manifestFile)
  const roots = await Promise.all(
    [checked.workspace, manifestDir].map(dir => realpath(dir).catch(() => dir))
  )
  const files: FileContext = {
    manifestDir,
    roots,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    display
  }
  const log: CheckedItem[] = []
  const context: BuildContext = {
    source,
    problems,
    files,
    version: options.version,
    unresolved: checked.unresolved,
    release: options.release,
    checkLog: needs === 'check' ? log : undefined
  }
  const offers: AnyOfferSpec[] = await Promise.all(
    checked.offers.map(({ offer, index }) =>
      isProductIngestionType(offer.type)
        ? buildProductIngestionOffer(offer as RawPiOffer, index, context)
        : buildOffer(offer as RawOffer, index, context)
    )
  )
  problems.throwIfAny(display(manifestFile))
  return { manifest: { file: manifestFile, offers }, log, unresolved: checked.unresolved, source }
}

/**
 * Which offers the manifest has, for follow and list: checked like a publish's (schema, rules,
 * unknown placeholders) except for what only a publish needs. No version and no release are
 * needed (their placeholders stay unresolved), and no file is opened: packages are built by the
 * job that publishes, not in the checkout a scheduled follow or a matrix's list job has.
 */
export async function loadOfferList(
  file: string,
  options: Pick<LoadOptions, 'workspace'>
): Promise<Manifest<OfferIdentity>> {
  const { offers, problems, source, display, manifestFile } = await checkManifest(
    file,
    options,
    'list'
  )
  problems.throwIfAny(display(manifestFile))
  return {
    file: manifestFile,
    offers: offers.map(({ offer, index }) => ({
      offerId: offer.id,
      type: offer.type,
      name: offer.name,
      source: source.locate(['offers', index])
    }))
  }
}

interface CheckedManifest {
  manifestFile: string
  workspace: string
  display: (file: string) => string
  source: SourceDocument
  problems: ProblemList
  unresolved: Set<string>
  /** The offers that passed the schema, with their index in the file. */
  offers: { offer: RawOffer | RawPiOffer; index: number }[]
}

/** The placeholders each kind of run must have values for (substitute.ts). */
const REQUIRED_PLACEHOLDERS = {
  publish: ['version', 'release.notes'],
  check: ['version'],
  list: []
} as const satisfies Record<string, readonly PlaceholderName[]>

/**
 * Parse with positions → placeholders → JSON Schema → rules that span fields. `needs`: a publish
 * needs the version and the release (asked for); a check the version; follow and list neither.
 */
async function checkManifest(
  file: string,
  options: LoadOptions,
  needs: keyof typeof REQUIRED_PLACEHOLDERS
): Promise<CheckedManifest> {
  const manifestFile = path.resolve(options.workspace, file)
  const workspace = path.resolve(options.workspace)
  const display = (p: string) => displayPath(p, workspace)
  const text = await readManifest(manifestFile, display(manifestFile))
  const source = parseSource(text, manifestFile, display(manifestFile))
  const problems = new ProblemList()
  const values = needs === 'list' ? {} : await placeholderValues(source.data, options, needs)
  const required = REQUIRED_PLACEHOLDERS[needs]
  const { data, unresolved } = substitutePlaceholders(source, values, problems, required)
  const errors = schemaErrors(data)
  reportSchemaErrors(errors, data, source, problems, field => unresolved.has(field))
  checkOtherText(data, source, problems, field => unresolved.has(field))
  const usable = errors.length === 0 ? data : withoutRefusedValues(data, errors)
  if (!isObjectWithOffers(usable)) problems.throwAll(display(manifestFile))

  // Offers still refused once the bad values are left out (a required field is missing) are not
  // checked further: their fields may not have the types the rules expect.
  const stillRefused = new Set(
    schemaErrors(usable).map(error => error.instancePath.match(/^\/offers\/(\d+)/)?.[1])
  )
  const raw = usable as RawManifest
  const offers = raw.offers
    .map((offer, index) => ({ offer, index }))
    .filter(({ index }) => !stillRefused.has(String(index)))
  checkOffers(
    offers,
    { version: options.version, needsVersion: needs !== 'list' },
    source,
    problems
  )
  return { manifestFile, workspace, display, source, problems, unresolved, offers }
}

/**
 * The version, and for a publish the release notes when the manifest uses them (the only reason
 * to ask GitHub; a check never asks).
 */
async function placeholderValues(
  data: unknown,
  options: LoadOptions,
  needs: 'publish' | 'check'
): Promise<PlaceholderValues> {
  const notes =
    needs === 'publish' && placeholdersUsed(data).has('release.notes')
      ? await options.release?.notes()
      : undefined
  return { version: options.version, 'release.notes': notes }
}

async function readManifest(file: string, shown: string): Promise<string> {
  if (!MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    throw new PublishError('MANIFEST_FILE', `${shown} is not a .yml, .yaml or .json file`, {
      hint: 'Point the `manifest` input at the offer manifest, e.g. marketplace.yml.',
      source: { file }
    })
  }
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    const unreadable = await describeUnreadable(file, e, () => shown)
    throw new PublishError(
      'MANIFEST_FILE',
      unreadable.missing
        ? `manifest not found: ${shown}`
        : `cannot read the manifest: ${unreadable.message}`,
      {
        hint: unreadable.missing
          ? 'Set the `manifest` input to the path of your manifest, relative to the repository root (default marketplace.yml).'
          : unreadable.hint,
        source: { file }
      }
    )
  }
}

function isObjectWithOffers(data: unknown): data is { offers: unknown[] } {
  return (
    data !== null &&
    typeof data === 'object' &&
    Array.isArray((data as { offers?: unknown }).offers)
  )
}

/** Relative to the workspace when inside it (how annotations and people name files), else absolute. */
function displayPath(file: string, workspace: string): string {
  const relative = path.relative(workspace, file)
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join('/')
}
