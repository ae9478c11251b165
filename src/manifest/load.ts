/**
 * Loads the offer manifest: parse with positions → `${{ version }}` → JSON Schema → rules that
 * span fields → files. Every problem of every stage is reported at once; nothing here touches the
 * network, so a bad manifest fails before the first request.
 */
import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import { PublishError } from '../errors.js'
import { buildOffer, type BuildContext } from './build.js'
import { buildProductIngestionOffer } from './build-product-ingestion.js'
import type { FileContext } from './files.js'
import { DEFAULT_LIMITS, type FileLimits } from './limits.js'
import type { AnyOfferSpec, Manifest } from './model.js'
import { isProductIngestionType } from './model-product-ingestion.js'
import { ProblemList } from './problems.js'
import type { RawManifest, RawOffer } from './raw.js'
import type { RawPiOffer } from './raw-product-ingestion.js'
import { checkOffers } from './rules.js'
import { reportSchemaErrors, schemaErrors, withoutRefusedValues } from './schema-check.js'
import { parseSource } from './source.js'
import { substitutePlaceholders } from './substitute.js'
import { isValidVersion, VERSION_FORMAT_HINT } from './version.js'

export type { ManifestProblem } from './problems.js'

export interface LoadOptions {
  /** The version being published (already validated by the settings); undefined when unknown. */
  version?: string
  /** The repository checkout (GITHUB_WORKSPACE); files may come from here or the manifest folder. */
  workspace: string
  limits?: Partial<FileLimits>
}

const MANIFEST_EXTENSIONS = ['.yml', '.yaml', '.json']

export async function loadManifest(file: string, options: LoadOptions): Promise<Manifest> {
  const manifestFile = path.resolve(options.workspace, file)
  const workspace = path.resolve(options.workspace)
  const display = (p: string) => displayPath(p, workspace)
  if (options.version !== undefined && !isValidVersion(options.version)) {
    throw new PublishError('INPUT_INVALID', `version "${options.version}" is not a version`, {
      hint: VERSION_FORMAT_HINT
    })
  }
  const text = await readManifest(manifestFile, display(manifestFile))
  const source = parseSource(text, manifestFile, display(manifestFile))
  const problems = new ProblemList()
  const { data, unresolved } = substitutePlaceholders(source, options.version, problems)
  const errors = schemaErrors(data)
  reportSchemaErrors(errors, data, source, problems, field => unresolved.has(field))
  const usable = errors.length === 0 ? data : withoutRefusedValues(data, errors)
  if (!isObjectWithOffers(usable)) problems.throwAll(display(manifestFile))

  // Offers still refused once the bad values are left out (a required field is missing) are not
  // checked further: their fields may not have the types the rules expect.
  const stillRefused = new Set(
    schemaErrors(usable).map(error => error.instancePath.match(/^\/offers\/(\d+)/)?.[1])
  )
  const raw = usable as RawManifest
  const checked = raw.offers
    .map((offer, index) => ({ offer, index }))
    .filter(({ index }) => !stillRefused.has(String(index)))
  checkOffers(checked, options.version, source, problems)

  const manifestDir = path.dirname(manifestFile)
  const roots = await Promise.all(
    [workspace, manifestDir].map(dir => realpath(dir).catch(() => dir))
  )
  const files: FileContext = {
    manifestDir,
    roots,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    display
  }
  const context: BuildContext = { source, problems, files, version: options.version, unresolved }
  const offers: AnyOfferSpec[] = await Promise.all(
    checked.map(({ offer, index }) =>
      isProductIngestionType(offer.type)
        ? buildProductIngestionOffer(offer as RawPiOffer, index, context)
        : buildOffer(offer as RawOffer, index, context)
    )
  )
  problems.throwIfAny(display(manifestFile))
  return { file: manifestFile, offers }
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
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    throw new PublishError(
      'MANIFEST_FILE',
      missing ? `manifest not found: ${shown}` : `cannot read the manifest ${shown}`,
      {
        hint: missing
          ? 'Set the `manifest` input to the path of your manifest, relative to the repository root (default marketplace.yml).'
          : 'Check that the manifest is a readable file.',
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
