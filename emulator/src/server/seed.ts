/**
 * Loads and checks a seed (the format is documented at the top of examples/emulator-seed.yml).
 * A bad seed throws SeedError naming the first bad field by its path, e.g. `offers[1].plans[0].subType`.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { Seed } from '../api/contract.js'
import { checkProductIngestionSeed } from '../product-ingestion/seed.js'

export class SeedError extends Error {}

const OFFER_TYPES = ['AzureApplication', 'AzureDynamics365BusinessCentral']
const PLAN_SUBTYPES = ['solution-template', 'managed-application']
const PACKAGE_TYPES = ['AddOn', 'Connect']
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Partner Center offer and plan ids: lower-case letters, digits, `-` and `_` (at most 50). */
const RESOURCE_ID = /^[a-z0-9][a-z0-9_-]{0,49}$/
const FOUR_PART_VERSION = /^\d+\.\d+\.\d+\.\d+$/

export function loadSeedFile(file: string): Seed {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new SeedError(`seed file ${file} cannot be read: ${(error as Error).message}`)
  }
  let value: unknown
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both.
    value = parse(text)
  } catch (error) {
    throw new SeedError(`seed file ${file} is not valid YAML or JSON: ${(error as Error).message}`)
  }
  return checkSeed(value, file)
}

/** Returns the value typed as a Seed, or throws SeedError about the first problem. */
export function checkSeed(value: unknown, source = 'seed'): Seed {
  const fail = (path: string, problem: string): never => {
    throw new SeedError(`${source}: ${path} ${problem}`)
  }
  const seed = object(value, 'the seed', fail)
  string(seed.tenantId, 'tenantId', fail, GUID, 'a GUID')
  string(seed.oidcSubject, 'oidcSubject', fail)
  const apps = array(seed.apps, 'apps', fail)
  if (apps.length === 0) fail('apps', 'must list at least one app')
  apps.forEach((a, i) => {
    const app = object(a, `apps[${i}]`, fail)
    string(app.clientId, `apps[${i}].clientId`, fail, GUID, 'a GUID')
    if (app.clientSecret !== undefined) string(app.clientSecret, `apps[${i}].clientSecret`, fail)
    if (app.displayName !== undefined) string(app.displayName, `apps[${i}].displayName`, fail)
    if (app.federatedCredentials === undefined) return
    array(app.federatedCredentials, `apps[${i}].federatedCredentials`, fail).forEach((c, j) => {
      const at = `apps[${i}].federatedCredentials[${j}]`
      const credential = object(c, at, fail)
      string(credential.issuer, `${at}.issuer`, fail)
      string(credential.subject, `${at}.subject`, fail)
      const audiences = array(credential.audiences, `${at}.audiences`, fail)
      audiences.forEach((audience, k) => string(audience, `${at}.audiences[${k}]`, fail))
    })
  })
  const offerIds = new Set<string>()
  array(seed.offers, 'offers', fail).forEach((o, i) => {
    const at = `offers[${i}]`
    const offer = object(o, at, fail)
    const offerId = string(offer.offerId, `${at}.offerId`, fail, RESOURCE_ID, 'an offer id')
    if (offerIds.has(offerId)) fail(`${at}.offerId`, `repeats ${offerId}`)
    offerIds.add(offerId)
    oneOf(offer.type, `${at}.type`, OFFER_TYPES, fail)
    string(offer.name, `${at}.name`, fail)
    const plans = array(offer.plans ?? [], `${at}.plans`, fail)
    if (offer.type === 'AzureDynamics365BusinessCentral') {
      if (plans.length) fail(`${at}.plans`, 'must be empty: Business Central offers have no plans')
      if (offer.packageType !== undefined)
        oneOf(offer.packageType, `${at}.packageType`, PACKAGE_TYPES, fail)
      if (offer.appVersion !== undefined)
        string(
          offer.appVersion,
          `${at}.appVersion`,
          fail,
          FOUR_PART_VERSION,
          'a version like 1.0.0.0'
        )
    }
    offer.plans = plans
    const planIds = new Set<string>()
    plans.forEach((p, j) => {
      const plan = object(p, `${at}.plans[${j}]`, fail)
      const planId = string(plan.planId, `${at}.plans[${j}].planId`, fail, RESOURCE_ID, 'a plan id')
      if (planIds.has(planId)) fail(`${at}.plans[${j}].planId`, `repeats ${planId}`)
      planIds.add(planId)
      string(plan.name, `${at}.plans[${j}].name`, fail)
      oneOf(plan.subType, `${at}.plans[${j}].subType`, PLAN_SUBTYPES, fail)
    })
  })
  if (seed.productIngestionOffers !== undefined)
    checkProductIngestionSeed(seed.productIngestionOffers, fail)
  return seed as unknown as Seed
}

type Fail = (path: string, problem: string) => never

function object(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(path, 'must be an object')
  return value as Record<string, unknown>
}

function array(value: unknown, path: string, fail: Fail): unknown[] {
  return Array.isArray(value) ? value : fail(path, 'must be a list')
}

function string(value: unknown, path: string, fail: Fail, pattern?: RegExp, what?: string): string {
  if (typeof value !== 'string' || value === '') return fail(path, 'must be a non-empty string')
  if (pattern && !pattern.test(value))
    return fail(path, `must be ${what}, got ${JSON.stringify(value)}`)
  return value
}

function oneOf(value: unknown, path: string, allowed: string[], fail: Fail): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    fail(path, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
}
