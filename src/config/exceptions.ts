/**
 * Safe defaults that platform.yaml may loosen, each only through a named exception with a reason.
 * The controls report lists every exception in force.
 */
export const EXCEPTION_CONTROLS = [
  /** A public Kubernetes API endpoint, limited to `clusters[].publicAccessCidrs`. */
  'public-api-endpoint',
  /** An app with a single replica, which a node drain or a zone failure takes down. */
  'single-replica',
] as const;

export type ExceptionControl = (typeof EXCEPTION_CONTROLS)[number];
