/**
 * The smoke check before an application switch: one HTTP GET to the preview, through a URL the
 * operator passes. On a cluster that URL is usually a port-forward to the preview Service
 * (`kubectl port-forward svc/<app>-preview 8080:<port>`), so the request reaches exactly the
 * pods users will move to, whatever the ingress or the ALB do.
 */
import { KinkoError } from '../../../errors.js';

export const SMOKE_FAILED = 'KINKO_APP_SMOKE_FAILED';
export const SMOKE_INVALID = 'KINKO_APP_SMOKE_INVALID';

export interface SmokeCheck {
  readonly path: string;
  readonly expectStatus: number;
  readonly timeoutSeconds: number;
}

export interface SmokeOutcome {
  readonly url: string;
  /** HTTP status code, or undefined when no response arrived. */
  readonly status?: number;
  /** Reason for the missing response: a timeout or a refused connection, for example. */
  readonly error?: string;
  readonly passed: boolean;
}

/** Joins the preview URL and the check's path; a path prefix in the URL is kept. */
export function smokeUrl(previewUrl: string, path: string): string {
  let base: URL;
  try {
    base = new URL(previewUrl);
  } catch {
    base = new URL('invalid:');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new KinkoError(SMOKE_INVALID, 'user', {
      messageId: 'ops.app.previewUrlInvalid',
      params: { url: previewUrl },
    });
  }
  return `${previewUrl.replace(/\/+$/, '')}${path}`;
}

/** Sends the GET and compares the status code; redirects are not followed. */
export async function runSmokeCheck(previewUrl: string, check: SmokeCheck): Promise<SmokeOutcome> {
  const url = smokeUrl(previewUrl, check.path);
  try {
    const response = await fetch(url, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(check.timeoutSeconds * 1000),
    });
    // Drain the body so the connection closes before the switch goes on.
    await response.arrayBuffer();
    return { url, status: response.status, passed: response.status === check.expectStatus };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `timed out after ${check.timeoutSeconds} s`
        : error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
          : String(error);
    return { url, error: reason, passed: false };
  }
}
