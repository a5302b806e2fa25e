/** A small JUnit file in the shape Node's junit reporter writes, and a controls.json to match. */
import type { ControlsData } from '../../../src/evidence/controls-data.js';

export const JUNIT_FIXTURE = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
	<testsuite name="pods" time="0.1" disabled="0" errors="0" tests="3" failures="1" skipped="0" hostname="vm">
		<testcase name="[S1][manifest] app containers run as non-root" time="0.01" classname="pods" file="/repo/test/unit/kube/pods.test.ts"/>
		<testcase name="[S1][apiserver] restricted Pod Security rejects a root pod" time="0.02" classname="pods" file="/repo/test/e2e/apply.test.ts"/>
		<testcase name="[S8][apiserver] default-deny &amp;quot;all&amp;quot; &lt;in&gt; every namespace" time="0.03" classname="pods">
			<failure type="testCodeFailure" message="Expected values to be strictly equal:&#10;1 !== 2">
[Error [ERR_ASSERTION]: Expected values to be strictly equal]
			</failure>
		</testcase>
	</testsuite>
	<testsuite name="edge" time="0.1" disabled="0" errors="0" tests="4" failures="0" skipped="1" hostname="vm">
		<testsuite name="nested rules" time="0.1" disabled="0" errors="0" tests="1" failures="0" skipped="0" hostname="vm">
			<testcase name="[R1][R4][cdk] ledger records both practices" time="0.01" classname="nested rules"/>
		</testsuite>
		<testcase name="[R6][manifest] preStop sleep is set" time="0.01" classname="edge">
			<skipped type="skipped" message="SKIP"/>
		</testcase>
		<testcase name="[config][unit] unknown key is rejected" time="0.01" classname="edge"/>
		<testcase name="example platform builds every expected file" time="0.01" classname="edge"/>
	</testsuite>
</testsuites>
`;

export function controlsFixture(): ControlsData {
  const summary = { en: 'Does the thing <b>', ja: 'それを行う' };
  return {
    version: 1,
    platform: 'kinko-demo',
    cloudFormation: [
      {
        practice: 'S12',
        stack: 'kinko-demo-security',
        logicalId: 'Trail',
        type: 'AWS::CloudTrail::Trail',
        summary,
      },
    ],
    manifests: [
      {
        practice: 'S1',
        file: 'k8s/kinko-demo-blue/a/20-web.yaml',
        kind: 'Deployment',
        name: 'a/web',
        summary,
      },
    ],
    suppressions: [],
    gaps: [{ practice: 'S8', text: { en: 'A gap.', ja: '不足があります。' } }],
  };
}
