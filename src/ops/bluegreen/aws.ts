/**
 * AWS SDK v3 clients for the edge operations. An endpoint override (`--endpoint-url`, or the SDK's
 * own AWS_ENDPOINT_URL) points every client at an emulator such as moto.
 */
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';

export interface AwsSettings {
  /** Endpoint URL of every service; unset uses AWS's own endpoints. */
  readonly endpoint?: string;
  /** Test settings (credentials, path-style), passed to the clients as they are. */
  readonly clientConfig?: Readonly<Record<string, unknown>>;
}

export function elbv2Client(region: string, settings: AwsSettings): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client({
    ...settings.clientConfig,
    region,
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}

/** Route 53 is a global service; its API lives in us-east-1. */
export function route53Client(settings: AwsSettings): Route53Client {
  return new Route53Client({
    ...settings.clientConfig,
    region: 'us-east-1',
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
  });
}

/** Returns the message of an AWS SDK error, with its error name. */
export function awsErrorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
