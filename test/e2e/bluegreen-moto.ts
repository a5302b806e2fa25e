/**
 * Deploys synthesized edge templates into moto's CloudFormation for the blue/green and DR tests.
 * The package has no CloudFormation or ACM client, and moto checks no signatures, so these calls
 * are plain form (CloudFormation) and JSON (ACM) requests with a dummy SigV4 header that names
 * the service and region moto routes by.
 */
import { readFileSync } from 'node:fs';

function authorization(service: string, region: string): string {
  return `AWS4-HMAC-SHA256 Credential=testing/20261204/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}

async function cloudFormation(
  endpoint: string,
  region: string,
  params: Record<string, string>,
): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    body: new URLSearchParams({ Version: '2010-05-15', ...params }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: authorization('cloudformation', region),
    },
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`CloudFormation ${params.Action ?? ''} returned ${response.status}: ${text}`);
  return text;
}

/** Requests a certificate in moto's ACM and returns its ARN. */
export async function requestCertificate(
  endpoint: string,
  region: string,
  domain: string,
): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    body: JSON.stringify({ DomainName: domain }),
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'CertificateManager.RequestCertificate',
      authorization: authorization('acm', region),
    },
  });
  const body = (await response.json()) as { CertificateArn?: string };
  if (body.CertificateArn === undefined)
    throw new Error(`ACM returned no certificate ARN (${response.status})`);
  return body.CertificateArn;
}

interface Template {
  Parameters?: Record<string, unknown>;
  Rules?: Record<string, unknown>;
  Resources: Record<string, { Type: string; DependsOn?: unknown }>;
  Outputs?: Record<string, { Value?: { Ref?: string; 'Fn::GetAtt'?: string[] } }>;
}

/**
 * Reads a synthesized template and drops the CDK bootstrap version check, which reads an SSM
 * parameter that only `cdk bootstrap` creates. With `keepTypes`, keeps only those resource types
 * and the outputs that refer to them.
 */
export function loadTemplate(file: string, keepTypes?: ReadonlySet<string>): Template {
  const template = JSON.parse(readFileSync(file, 'utf8')) as Template;
  delete template.Parameters?.BootstrapVersion;
  delete template.Rules?.CheckBootstrapVersion;
  if (template.Parameters !== undefined && Object.keys(template.Parameters).length === 0)
    delete template.Parameters;
  if (template.Rules !== undefined && Object.keys(template.Rules).length === 0)
    delete template.Rules;
  if (keepTypes !== undefined) {
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (keepTypes.has(resource.Type)) delete resource.DependsOn;
      else delete template.Resources[id];
    }
    for (const [id, output] of Object.entries(template.Outputs ?? {})) {
      const ref = output.Value?.Ref ?? output.Value?.['Fn::GetAtt']?.[0];
      if (ref === undefined || !(ref in template.Resources)) delete template.Outputs?.[id];
    }
  }
  return template;
}

/** Creates a stack and waits until moto reports it complete; throws with the reason otherwise. */
export async function createStack(
  endpoint: string,
  region: string,
  name: string,
  template: Template,
): Promise<void> {
  await cloudFormation(endpoint, region, {
    Action: 'CreateStack',
    StackName: name,
    TemplateBody: JSON.stringify(template),
  });
  for (;;) {
    const described = await cloudFormation(endpoint, region, {
      Action: 'DescribeStacks',
      StackName: name,
    });
    const status = /<StackStatus>([^<]+)</.exec(described)?.[1] ?? '';
    if (status === 'CREATE_COMPLETE') return;
    if (status !== 'CREATE_IN_PROGRESS') {
      throw new Error(
        `stack ${name} is ${status}: ${/<StackStatusReason>([^<]*)</.exec(described)?.[1] ?? ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
