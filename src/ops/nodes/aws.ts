/**
 * AWS SDK v3 clients of the node freshness check, built like the edge operations' clients: an
 * endpoint override points both at an emulator such as moto.
 */
import { EKSClient } from '@aws-sdk/client-eks';
import { SSMClient } from '@aws-sdk/client-ssm';

import type { AwsSettings } from '../bluegreen/aws.js';

export function eksClient(region: string, settings: AwsSettings): EKSClient {
  return new EKSClient({
    ...settings.clientConfig,
    region,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}

/** SSM serves the public EKS AMI parameters of the region it is called in. */
export function ssmClient(region: string, settings: AwsSettings): SSMClient {
  return new SSMClient({
    ...settings.clientConfig,
    region,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}

/** An HTTP response that the AWS SDK could not parse, such as an HTML error page. */
export interface BadResponse {
  /** HTTP status of the response, or `-` when the SDK kept none. */
  readonly status: string;
  /** The parser's message, which quotes the start of the body. */
  readonly reason: string;
}

/**
 * Recognizes the SDK's failure to parse a response body (`SyntaxError: Unexpected token '<'` for an
 * HTML page), so the user sees the endpoint and request instead of SDK internals. Returns undefined
 * for any other error.
 */
export function badResponseOf(error: unknown): BadResponse | undefined {
  if (!(error instanceof Error) || error.name !== 'SyntaxError') return undefined;
  const statusCode = (error as Error & { $response?: { statusCode?: number } }).$response
    ?.statusCode;
  return {
    status: statusCode !== undefined ? String(statusCode) : '-',
    reason: error.message.split('\n')[0] ?? '',
  };
}

/** Returns the endpoint a client sends to: the override, else the service's regional endpoint. */
export async function endpointOf(
  client: EKSClient | SSMClient,
  service: string,
  region: string,
): Promise<string> {
  const provider = (client.config as { endpoint?: () => Promise<unknown> }).endpoint;
  try {
    const endpoint = (await provider?.()) as
      { protocol?: string; hostname?: string; port?: number; path?: string } | undefined;
    if (endpoint?.hostname !== undefined) {
      const port = endpoint.port !== undefined ? `:${endpoint.port}` : '';
      const path = endpoint.path === '/' ? '' : (endpoint.path ?? '');
      return `${endpoint.protocol ?? 'https:'}//${endpoint.hostname}${port}${path}`;
    }
  } catch {
    // Fall back to the regional name below.
  }
  return `https://${service}.${region}.amazonaws.com`;
}
