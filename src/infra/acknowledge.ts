import { CfnResource, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges a validation rule (a cdk-nag rule id, or a CloudFormation Validate id) on one
 * CloudFormation resource: `target` itself when it is one, else its default resource. An
 * acknowledgement covers every resource below the construct it is put on, so putting it on the
 * resource keeps it from hiding the same rule on the construct's other resources.
 */
export function acknowledgeRule(target: IConstruct, ruleId: string, reason: string): void {
  const child = target.node.defaultChild;
  const resource = CfnResource.isCfnResource(target) ? target : child;
  if (resource === undefined || !CfnResource.isCfnResource(resource)) {
    throw new Error(
      `Cannot acknowledge ${ruleId} on ${target.node.path}: it has no CloudFormation resource of its own.`,
    );
  }
  Validations.of(resource).acknowledge({ id: ruleId, reason });
}
