/**
 * Errors raised while building manifests. The resolved model is validated before it reaches the
 * builders, so one of these means the model broke an invariant the builders rely on: the tool is
 * at fault, not the user's platform.yaml.
 */

export type ManifestBuildErrorCode =
  | 'KUBE_REPLICAS_BELOW_ONE'
  | 'KUBE_GRACE_PERIOD_NOT_ABOVE_PRESTOP'
  | 'KUBE_DUPLICATE_ROUTE_PATH'
  | 'KUBE_ARGO_PROJECT_NOT_FOUND';

export class ManifestBuildError extends Error {
  override readonly name = 'ManifestBuildError';

  constructor(
    readonly code: ManifestBuildErrorCode,
    message: string,
  ) {
    super(message);
  }
}
