import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

import { PRACTICE_IDS, type PracticeId } from '../model/practices.js';

// Re-exported so infra callers keep one import; the ids are defined once, in the model.
export { PRACTICE_IDS, type PracticeId };

/** One-line description of what a resource does for a practice, in English and Japanese. */
export interface ControlSummary {
  readonly en: string;
  readonly ja: string;
}

/** A CloudFormation resource that implements a practice, as the controls report lists it. */
export interface ControlLedgerEntry {
  readonly practice: PracticeId;
  /** Name of the CloudFormation stack that contains the resource. */
  readonly stack: string;
  readonly logicalId: string;
  /** CloudFormation resource type, for example `AWS::EKS::Addon`. */
  readonly type: string;
  readonly summary: ControlSummary;
}

/** A practice that this synthesis leaves partly unmet, with the reason in English and Japanese. */
export interface ControlGap {
  readonly practice: PracticeId;
  readonly text: ControlSummary;
}

interface ControlRecord {
  readonly practice: PracticeId;
  readonly resource: CfnResource;
  readonly summary: ControlSummary;
}

/**
 * Records which CloudFormation resources implement each practice. Logical ids are read only when
 * `entries()` is called, so an id overridden after `record()` is still reported correctly.
 */
export class ControlLedger {
  private readonly records: ControlRecord[] = [];
  private readonly gapRecords: ControlGap[] = [];

  /**
   * Records `target` as implementing `practice`. A higher-level construct stands for its default
   * CloudFormation resource (a `Vpc` for its `AWS::EC2::VPC`, a `Bucket` for its `AWS::S3::Bucket`).
   */
  record(practice: PracticeId, target: IConstruct, summary: ControlSummary): void {
    if (summary.en.trim() === '' || summary.ja.trim() === '') {
      throw new Error(
        `Control summary for ${practice} on ${target.node.path} is missing its English or Japanese text.`,
      );
    }
    this.records.push({ practice, resource: defaultCfnResource(target), summary });
  }

  /** Lists every recorded control, ordered by practice, then stack, then logical id. */
  entries(): ControlLedgerEntry[] {
    const entries = this.records.map((record): ControlLedgerEntry => {
      const stack = Stack.of(record.resource);
      return {
        practice: record.practice,
        stack: stack.stackName,
        logicalId: String(stack.resolve(record.resource.logicalId)),
        type: record.resource.cfnResourceType,
        summary: record.summary,
      };
    });

    return entries.sort(
      (left, right) =>
        PRACTICE_IDS.indexOf(left.practice) - PRACTICE_IDS.indexOf(right.practice) ||
        left.stack.localeCompare(right.stack) ||
        left.logicalId.localeCompare(right.logicalId),
    );
  }

  /**
   * Records a gap that this synthesis found for `practice` (for example an unpinned node group),
   * so the controls report prints it under the practice beside the static known gaps.
   */
  gap(practice: PracticeId, text: ControlSummary): void {
    this.gapRecords.push({ practice, text });
  }

  /** Lists the gaps recorded by `gap()`, in recording order. */
  gaps(): readonly ControlGap[] {
    return [...this.gapRecords];
  }

  /** Returns the practices that at least one resource implements, in practice order. */
  practices(): PracticeId[] {
    const covered = new Set(this.records.map((record) => record.practice));
    return PRACTICE_IDS.filter((practice) => covered.has(practice));
  }
}

function defaultCfnResource(target: IConstruct): CfnResource {
  if (CfnResource.isCfnResource(target)) {
    return target;
  }
  const child = target.node.defaultChild;
  if (child !== undefined && CfnResource.isCfnResource(child)) {
    return child;
  }
  throw new Error(
    `Cannot record ${target.node.path} as a control: it is not a CloudFormation resource and has no default resource. ` +
      "Record the CloudFormation resource (the construct's node.defaultChild or a Cfn* construct) instead.",
  );
}
