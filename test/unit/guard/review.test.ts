import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { findingsOf, GuardMetrics } from '../../../src/guard/metrics.js';
import { reviewAdmission, tooLarge } from '../../../src/guard/review.js';
import { createAdmissionRegistry } from '../../../src/guard/rules.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import { compliantDeployment, objects, TEST_SETTINGS } from '../policy/fixtures.js';

const context = { registry: createAdmissionRegistry(), settings: TEST_SETTINGS };

function bodyOf(yaml: string): Record<string, unknown> {
  const first = objects(yaml)[0];
  if (first === undefined) throw new Error('no object');
  return structuredClone(first.body) as Record<string, unknown>;
}

function review(
  object: unknown,
  operation = 'CREATE',
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: 'uid-1',
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      operation,
      namespace: 'a',
      object,
      ...extra,
    },
  });
}

interface Response {
  uid: string;
  allowed: boolean;
  warnings?: string[];
  status?: { code: number; message: string };
}

function responseOf(text: string): { status: number; response: Response; verdict: string } {
  const answer = reviewAdmission(text, context);
  return {
    status: answer.status,
    response: (answer.body as { response: Response }).response,
    verdict: answer.log.verdict,
  };
}

/** Build a review's object from the compliant Deployment's YAML with `from` replaced by `to`. */
function deploymentWith(from: string, to: string): Record<string, unknown> {
  const yaml = compliantDeployment();
  assert.ok(yaml.includes(from), from);
  return bodyOf(yaml.replace(from, to));
}

const PRIVILEGED: [string, string] = ['privileged: false', 'privileged: true'];
const NAMED = 'metadata: { name: web, namespace: a }';

describe('kinko guard answers AdmissionReviews with the pack’s object rules', () => {
  it('[S1][unit] admits the compliant Deployment with its uid and no warnings', () => {
    const { status, response, verdict } = responseOf(review(bodyOf(compliantDeployment())));
    assert.equal(status, 200);
    assert.deepEqual(response, { uid: 'uid-1', allowed: true });
    assert.equal(verdict, 'allowed');
  });

  it('[S1][unit] denies a privileged container with 403', () => {
    const object = deploymentWith(...PRIVILEGED);
    const { response, verdict } = responseOf(review(object));
    assert.equal(response.allowed, false);
    assert.equal(response.uid, 'uid-1');
    assert.equal(response.status?.code, 403);
    assert.match(response.status?.message ?? '', /\[no-privileged\] /);
    assert.equal(verdict, 'denied');
  });

  it('[S7][unit] admits an object that breaks only a warning rule, with the warning', () => {
    const object = deploymentWith('      serviceAccountName: web\n', '');
    const { response, verdict } = responseOf(review(object));
    assert.equal(response.allowed, true);
    assert.equal(response.warnings?.length, 1);
    assert.match(response.warnings?.[0] ?? '', /^\[dedicated-service-account\] /);
    assert.equal(verdict, 'warned');
  });

  it('[S2][unit] honours a suppression with a reason, as kinko check does', () => {
    const object = bodyOf(
      compliantDeployment()
        .replace(...PRIVILEGED)
        .replace(
          NAMED,
          `${NAMED.slice(0, -2)}, annotations: { suppress.kinko.dev/no-privileged: CNI agent needs it } }`,
        ),
    );
    const answer = reviewAdmission(review(object), context);
    assert.deepEqual((answer.body as { response: Response }).response, {
      uid: 'uid-1',
      allowed: true,
    });
    assert.deepEqual(answer.log.suppressed, ['no-privileged']);
  });

  it('[S2][unit] denies a suppression without a reason, which does not apply', () => {
    const object = bodyOf(
      compliantDeployment()
        .replace(...PRIVILEGED)
        .replace(
          NAMED,
          `${NAMED.slice(0, -2)}, annotations: { suppress.kinko.dev/no-privileged: ' ' } }`,
        ),
    );
    const answer = reviewAdmission(review(object), context);
    assert.equal(answer.log.verdict, 'denied');
    assert.deepEqual(answer.log.rules, ['no-privileged', 'suppression-reason']);
  });

  it('[S2][unit] accepts a suppression of a set rule', () => {
    const object = deploymentWith(
      NAMED,
      `${NAMED.slice(0, -2)}, annotations: { suppress.kinko.dev/pdb-selects-workload: single tenant } }`,
    );
    assert.equal(responseOf(review(object)).verdict, 'allowed');
  });

  it('[S1][unit] runs no set rule and no Dockerfile rule at admission', () => {
    const ids = createAdmissionRegistry()
      .all()
      .map((rule) => rule.id);
    const pack = createKinkoRegistry().all();
    assert.ok(ids.includes('no-privileged'));
    for (const id of ['pdb-selects-workload', 'namespace-default-deny', 'service-account-exists']) {
      assert.equal(ids.includes(id), false, id);
    }
    assert.equal(
      ids.some((id) => id.startsWith('dockerfile-')),
      false,
    );
    assert.deepEqual(
      ids,
      pack.filter((rule) => ids.includes(rule.id)).map((rule) => rule.id),
    );
  });

  it('[S1][unit] allows DELETE and CONNECT without judging the object', () => {
    const object = deploymentWith(...PRIVILEGED);
    for (const operation of ['DELETE', 'CONNECT']) {
      const { response, verdict } = responseOf(review(object, operation));
      assert.deepEqual(response, { uid: 'uid-1', allowed: true });
      assert.equal(verdict, 'allowed');
    }
  });

  it('[S1][unit] judges the new object of an UPDATE', () => {
    const object = deploymentWith(
      'serviceAccountName: web\n',
      'serviceAccountName: web\n      hostNetwork: true\n',
    );
    const { response } = responseOf(
      review(object, 'UPDATE', { oldObject: bodyOf(compliantDeployment()) }),
    );
    assert.equal(response.allowed, false);
    assert.match(response.status?.message ?? '', /\[no-host-network\] /);
  });

  it('[S1][unit] takes the namespace and generateName of the request on CREATE', () => {
    const object = bodyOf(
      compliantDeployment()
        .replace(...PRIVILEGED)
        .replace(NAMED, 'metadata: { generateName: web- }'),
    );
    const answer = reviewAdmission(review(object), context);
    assert.equal(answer.log.verdict, 'denied');
    assert.equal(answer.log.name, 'web-');
  });

  it('[S1][unit] admits an unknown kind with a warning that it was not checked', () => {
    const object = { apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'w' } };
    const { status, response, verdict } = responseOf(review(object));
    assert.equal(status, 200);
    assert.equal(response.allowed, true);
    assert.deepEqual(response.warnings, [
      'kinko guard has no rule for kind Widget; the object was admitted without a check.',
    ]);
    assert.equal(verdict, 'unchecked');
  });

  it('[unit] answers malformed JSON with 400 and an error', () => {
    const answer = reviewAdmission('{"apiVersion": ', context);
    assert.equal(answer.status, 400);
    assert.match(String(answer.body.error), /^the request body is not JSON: /);
    assert.equal(answer.log.verdict, 'invalid');
  });

  it('[unit] logs the error text of a 400 answer', () => {
    const answer = reviewAdmission('{"apiVersion": ', context);
    assert.equal(answer.status, 400);
    assert.equal(answer.log.error, answer.body.error);
    assert.match(String(answer.log.error), /^the request body is not JSON: /);
  });

  it('[unit] answers a wrong apiVersion or a missing uid with 400', () => {
    const v1beta1 = {
      ...(JSON.parse(review({})) as object),
      apiVersion: 'admission.k8s.io/v1beta1',
    };
    const noUid = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: {} };
    for (const body of [v1beta1, noUid, [], 'text', null]) {
      const answer = reviewAdmission(JSON.stringify(body), context);
      assert.equal(answer.status, 400);
      assert.equal(
        answer.body.error,
        'the request body is not an AdmissionReview admission.k8s.io/v1 with a request.uid.',
      );
    }
  });

  it('[unit] rejects an unidentifiable object with 400', () => {
    assert.equal(reviewAdmission(review(undefined), context).status, 400);
    const answer = reviewAdmission(review({ metadata: { name: 'x' } }), context);
    assert.equal(answer.status, 400);
    assert.equal(answer.log.uid, 'uid-1');
  });

  it('[unit] answers an oversized body with 413 and the limit', () => {
    const answer = tooLarge(4194304);
    assert.equal(answer.status, 413);
    assert.equal(
      answer.body.error,
      'the request body is larger than 4194304 bytes, the most kinko guard reads.',
    );
  });

  it('[S2][unit] counts a warning rule of a denied review as warned', () => {
    const object = bodyOf(
      compliantDeployment()
        .replace(...PRIVILEGED)
        .replace('      serviceAccountName: web\n', ''),
    );
    const answer = reviewAdmission(review(object), context);
    assert.equal(answer.log.verdict, 'denied');
    assert.deepEqual(answer.log.denied, ['no-privileged']);
    const metrics = new GuardMetrics();
    metrics.observe(answer.log.verdict, findingsOf(answer.log), 0.001);
    const text = metrics.render();
    assert.match(
      text,
      /^kinko_guard_rule_findings_total\{verdict="warned",rule="dedicated-service-account"\} 1$/m,
    );
    assert.match(
      text,
      /^kinko_guard_rule_findings_total\{verdict="denied",rule="no-privileged"\} 1$/m,
    );
    assert.doesNotMatch(text, /verdict="denied",rule="dedicated-service-account"/);
  });

  it('[unit] counts reviews by verdict and rule in Prometheus text', () => {
    const metrics = new GuardMetrics();
    metrics.observe('denied', [{ rule: 'no-privileged', outcome: 'denied' }], 0.002);
    metrics.observe('allowed', [], 0.0005);
    const text = metrics.render();
    assert.match(text, /^kinko_guard_reviews_total\{verdict="denied"\} 1$/m);
    assert.match(text, /^kinko_guard_reviews_total\{verdict="allowed"\} 1$/m);
    assert.match(
      text,
      /^kinko_guard_rule_findings_total\{verdict="denied",rule="no-privileged"\} 1$/m,
    );
    assert.match(text, /^kinko_guard_review_duration_seconds_bucket\{le="0.001"\} 1$/m);
    assert.match(text, /^kinko_guard_review_duration_seconds_bucket\{le="0.0025"\} 2$/m);
    assert.match(text, /^kinko_guard_review_duration_seconds_count 2$/m);
  });
});
