/** Packages and the technical configuration (package configuration) that names them. */
import type { IngestionApi } from './api.js'
import { SHAPES } from './reply.js'
import { productPath, segment, type Requester } from './requester.js'

type PackageCalls = Pick<
  IngestionApi,
  | 'listPackages'
  | 'createPackage'
  | 'getPackage'
  | 'putPackage'
  | 'getPackageConfigurations'
  | 'putPackageConfiguration'
>

export function packageCalls(http: Requester): PackageCalls {
  const packages = (productId: string): string => `${productPath(productId)}/packages`
  return {
    listPackages: productId =>
      http.list(packages(productId), SHAPES.package, `list the packages of product ${productId}`),
    createPackage: (productId, body) =>
      http.create(
        packages(productId),
        body,
        SHAPES.package,
        `create the package '${body.fileName}'`
      ),
    getPackage: (productId, packageId) =>
      http.get(
        `${packages(productId)}/${segment(packageId)}`,
        SHAPES.package,
        `read package ${packageId}`,
        'poll'
      ),
    putPackage: (productId, pkg) =>
      http.update(
        `${packages(productId)}/${segment(pkg.id)}`,
        pkg,
        SHAPES.package,
        `mark package '${pkg.fileName}' as ${pkg.state}`
      ),
    getPackageConfigurations: (productId, instanceId) =>
      http.list(
        `${productPath(productId)}/packageConfigurations/getByInstanceID(instanceID=${segment(instanceId)})`,
        SHAPES.packageConfiguration,
        `read the technical configuration of draft ${instanceId}`
      ),
    putPackageConfiguration: (productId, config) =>
      http.update(
        `${productPath(productId)}/packageconfigurations/${segment(config.id)}`,
        config,
        SHAPES.packageConfiguration,
        `update the technical configuration ${config.id}`
      )
  }
}
