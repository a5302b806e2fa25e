import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { parseDocument } from 'yaml';

import { ConfigError, parsePlatformConfig } from '../../../src/config/load.js';
import { renderFix, renderProblem, type Problem } from '../../../src/errors.js';

const EXAMPLE = readFileSync('examples/platform.yaml', 'utf8');

/** Returns the example with `blueGreen` on system a's web, and extra apps in system a. */
function exampleWith(blueGreen: Record<string, unknown>, extraApps: string[] = []): string {
  const document = parseDocument(EXAMPLE);
  document.setIn(['systems', 0, 'apps', 0, 'blueGreen'], document.createNode(blueGreen));
  extraApps.forEach((name, index) => {
    const app = document.getIn(['systems', 0, 'apps', 1]) as { toJSON(): Record<string, unknown> };
    const copy = { ...app.toJSON(), name, routePath: `/extra${index}` };
    document.addIn(['systems', 0, 'apps'], document.createNode(copy));
  });
  return document.toString();
}

function problemsOf(text: string): Problem[] {
  try {
    parsePlatformConfig(text, 'platform.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return [...error.problems];
  }
  return [];
}

describe('config blue/green names', () => {
  it('[R3][unit] app named like another app’s green Deployment is rejected', () => {
    const problems = problemsOf(exampleWith({ method: 'service' }, ['web-green']));

    const clash = problems.filter((p) => p.messageId === 'config.blueGreen.nameClash');
    assert.equal(clash.length, 1);
    assert.equal(clash[0]?.params.path, 'systems[0].apps[2].name');
    assert.equal(clash[0]?.params.value, 'web-green');
    assert.equal(clash[0]?.params.owner, 'web');
    assert.equal(clash[0]?.params.ownerPath, 'systems[0].apps[0].name');
    assert.equal(clash[0]?.params.objects, 'Deployment and PodDisruptionBudget');
    assert.ok(clash[0]?.location !== undefined);
    const text = renderProblem(clash[0] as Problem, 'en');
    assert.match(
      text,
      /^platform\.yaml:\d+:\d+: systems\[0\]\.apps\[2\]\.name: app name "web-green"/,
    );
    assert.match(text, /app web \(systems\[0\]\.apps\[0\]\.name\) in system a/);
    assert.match(
      renderFix(clash[0] as Problem, 'en') ?? '',
      /rename app web-green or app web\. A blue\/green app takes the names/,
    );
  });

  it('[R3][unit] app named like another app’s preview Service is rejected', () => {
    const problems = problemsOf(exampleWith({ method: 'upstream' }, ['web-preview', 'web-blue']));

    assert.deepEqual(
      problems
        .filter((p) => p.messageId === 'config.blueGreen.nameClash')
        .map((p) => [p.params.value, p.params.objects]),
      [
        ['web-preview', 'Service'],
        ['web-blue', 'Deployment, PodDisruptionBudget and Service'],
      ],
    );
  });

  it('[R3][unit] rollout app derives only its preview name', () => {
    const problems = problemsOf(exampleWith({ method: 'rollout' }, ['web-blue']));

    assert.deepEqual(problems, []);
  });

  it('[R3][unit] live on a rollout app is rejected', () => {
    const problems = problemsOf(exampleWith({ method: 'rollout', live: 'green' }));

    assert.deepEqual(
      problems.map((p) => [p.messageId, p.params.path]),
      [['config.blueGreen.liveWithRollout', 'systems[0].apps[0].blueGreen.live']],
    );
  });

  it('[R3][unit] live on a service app is accepted', () => {
    assert.deepEqual(problemsOf(exampleWith({ method: 'service', live: 'green' })), []);
  });
});
