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
