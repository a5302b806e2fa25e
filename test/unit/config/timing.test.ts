import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { Document, parseDocument } from 'yaml';

import { ConfigError, parsePlatformConfig } from '../../../src/config/load.js';
import { renderFix, renderProblem, type Problem } from '../../../src/errors.js';

const EXAMPLE = readFileSync('examples/platform.yaml', 'utf8');

/** Paths of the example's three apps. */
const APPS = [
  ['systems', 0, 'apps', 0],
  ['systems', 0, 'apps', 1],
  ['systems', 1, 'apps', 0],
] as const;

function exampleWith(edit: (document: Document) => void): string {
  const document = parseDocument(EXAMPLE);
  edit(document);
  return document.toString();
}

/** The example as one cluster without an edge ALB, so the ALB term drops out of the model. */
function withoutEdge(d: Document): void {
  d.deleteIn(['edge']);
  d.deleteIn(['clusters', 1]);
  d.deleteIn(['regions', 'dr']);
}

function problemsOf(text: string): Problem[] {
  try {
    parsePlatformConfig(text, 'platform.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected the configuration to be rejected');
}

const render = (problem: Problem): string =>
  renderProblem(problem, 'en').replace(/^platform\.yaml:\d+:\d+: /, '');

interface TimingCase {
  readonly name: string;
  readonly edit: (document: Document) => void;
  /** Every problem the file gets, in order, as [message, fix]. */
  readonly problems: readonly (readonly [string, string])[];
}

const PROPAGATION_FIX_90 =
  'set preStopSleepSeconds to 90 or more and terminationGracePeriodSeconds above the sleep plus longestRequestSeconds (above 105 for a sleep of 90); lower timing.endpointPropagationSeconds or timing.albDeregistrationSeconds only after measuring them.';

const CASES: TimingCase[] = [
  {
    name: 'preStop sleep 60 s behind the ALB',
    edit: (d) => APPS.forEach((app) => d.setIn([...app, 'preStopSleepSeconds'], 60)),
    problems: APPS.map((app) => [
      `systems[${app[1]}].apps[${app[3]}].preStopSleepSeconds: preStop sleep 60 s is shorter than the 90 s the routers may keep sending requests (endpoint removal 30 s + ALB deregistration 60 s), so requests would reach a pod that has stopped serving.`,
      PROPAGATION_FIX_90,
    ]),
  },
  {
    name: 'preStop sleep 20 s without an edge ALB',
    edit: (d) => {
      withoutEdge(d);
      d.setIn(['systems', 1, 'apps', 0, 'preStopSleepSeconds'], 20);
    },
    problems: [
      [
        'systems[1].apps[0].preStopSleepSeconds: preStop sleep 20 s is shorter than the 30 s the routers may keep sending requests (endpoint removal 30 s), so requests would reach a pod that has stopped serving.',
        'set preStopSleepSeconds to 30 or more and terminationGracePeriodSeconds above the sleep plus longestRequestSeconds (above 45 for a sleep of 30); lower timing.endpointPropagationSeconds or timing.albDeregistrationSeconds only after measuring them.',
      ],
    ],
  },
  {
    name: 'endpoint propagation measured at 120 s',
    edit: (d) => d.setIn(['timing', 'endpointPropagationSeconds'], 120),
    problems: APPS.map((app) => [
      `systems[${app[1]}].apps[${app[3]}].preStopSleepSeconds: preStop sleep 160 s is shorter than the 180 s the routers may keep sending requests (endpoint removal 120 s + ALB deregistration 60 s), so requests would reach a pod that has stopped serving.`,
      'set preStopSleepSeconds to 180 or more and terminationGracePeriodSeconds above the sleep plus longestRequestSeconds (above 195 for a sleep of 180); lower timing.endpointPropagationSeconds or timing.albDeregistrationSeconds only after measuring them.',
    ]),
  },
  {
    name: 'grace 180 s under sleep 160 s and a 30 s request',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'longestRequestSeconds'], 30),
    problems: [
      [
        'systems[1].apps[0].terminationGracePeriodSeconds: terminationGracePeriodSeconds 180 s is not longer than the preStop sleep 160 s plus the longest request 30 s (190 s), so the kubelet could kill a request in flight.',
        'set terminationGracePeriodSeconds above 190, for example 195.',
      ],
    ],
  },
  {
    name: 'a 200 s request above the 160 s deregistration delay',
    edit: (d) => {
      d.setIn(['systems', 1, 'apps', 0, 'longestRequestSeconds'], 200);
      d.setIn(['systems', 1, 'apps', 0, 'terminationGracePeriodSeconds'], 400);
    },
    problems: [
      [
        "systems[1].apps[0].longestRequestSeconds: the longest request 200 s exceeds the ALB target groups' deregistration delay of 160 s (the longest preStop sleep of all apps), so the ALB could cut a request in flight.",
        "raise the longest preStopSleepSeconds to 200 or more (the delay follows it), or shorten the app's requests.",
      ],
    ],
  },
  {
    name: 'one app sleeping 120 s under a 160 s deregistration delay',
    edit: (d) => {
      d.setIn(['systems', 1, 'apps', 0, 'preStopSleepSeconds'], 120);
      d.setIn(['systems', 1, 'apps', 0, 'terminationGracePeriodSeconds'], 140);
    },
    problems: [
      [
        "systems[1].apps[0].preStopSleepSeconds: preStop sleep 120 s is shorter than the ALB target groups' deregistration delay of 160 s (the longest preStop sleep of all apps), so the pod could stop while the ALB still drains it.",
        'give every app the same preStopSleepSeconds, here 160, with terminationGracePeriodSeconds above 175.',
      ],
    ],
  },
  {
    name: 'grace equal to the sleep, reported once',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'terminationGracePeriodSeconds'], 160),
    problems: [
      [
        'systems[1].apps[0].terminationGracePeriodSeconds: terminationGracePeriodSeconds 160 s is not longer than the preStop sleep of 160 s, so the kubelet would kill the container before the sleep ends.',
        'set terminationGracePeriodSeconds above 160 with room for the longest request, for example 180.',
      ],
    ],
  },
];

describe('platform.yaml shutdown timing', () => {
  it('[R6][unit] example passes with the defaults', () => {
    const config = parsePlatformConfig(EXAMPLE, 'examples/platform.yaml');
    assert.deepEqual(config.timing, {
      endpointPropagationSeconds: 30,
      albDeregistrationSeconds: 60,
    });
    assert.deepEqual(
      config.systems.flatMap((system) => system.apps.map((app) => app.longestRequestSeconds)),
      [15, 15, 15],
    );
  });

  for (const timing of CASES) {
    it(`[R6][unit] rejects ${timing.name}`, () => {
      const problems = problemsOf(exampleWith(timing.edit));
      assert.deepEqual(
        problems.map((problem) => [render(problem), renderFix(problem, 'en')]),
        timing.problems,
      );
    });
  }

  it('[R6][unit] renders a timing error in Japanese with its numbers', () => {
    const [problem] = problemsOf(
      exampleWith((d) => d.setIn(['systems', 1, 'apps', 0, 'longestRequestSeconds'], 30)),
    );
    assert.ok(problem !== undefined);
    assert.equal(
      renderProblem(problem, 'ja').replace(/^platform\.yaml:\d+:\d+: /, ''),
      'systems[1].apps[0].terminationGracePeriodSeconds: terminationGracePeriodSeconds の 180 秒が、preStop の sleep 160 秒と最長のリクエスト 30 秒の合計 190 秒以下です。処理中のリクエストを kubelet が強制終了するおそれがあります。',
    );
    assert.equal(
      renderFix(problem, 'ja'),
      'terminationGracePeriodSeconds を 190 より大きくしてください（例: 195）。',
    );
  });
});
