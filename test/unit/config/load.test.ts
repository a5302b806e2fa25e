import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { Document, parseDocument } from 'yaml';

import { CONFIG_INVALID, ConfigError, parsePlatformConfig } from '../../../src/config/load.js';
import { renderError, renderFix, renderProblem, type Problem } from '../../../src/errors.js';

const EXAMPLE = readFileSync('examples/platform.yaml', 'utf8');

/** Apply `edit` to the example document and return the YAML text. */
function exampleWith(edit: (document: Document) => void): string {
  const document = parseDocument(EXAMPLE);
  edit(document);
  return document.toString();
}

function problemsOf(text: string): Problem[] {
  try {
    parsePlatformConfig(text, 'platform.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.code, CONFIG_INVALID);
    assert.equal(error.fault, 'user');
    return [...error.problems];
  }
  assert.fail('expected the configuration to be rejected');
}

interface InvalidCase {
  readonly name: string;
  readonly edit: (document: Document) => void;
  readonly message: string;
  readonly fix: string;
}

const INVALID_CASES: InvalidCase[] = [
  {
    name: 'grace period written as a string',
    edit: (d) => d.setIn(['systems', 0, 'apps', 0, 'terminationGracePeriodSeconds'], '180s'),
    message:
      'platform.yaml:57:40: systems[0].apps[0].terminationGracePeriodSeconds: "180s" is a string, but the Kubernetes API takes an integer number of seconds and rejects a manifest with "180s".',
    fix: 'write the number alone: 180.',
  },
  {
    name: 'grace period not longer than the preStop sleep',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'terminationGracePeriodSeconds'], 160),
    message:
      'platform.yaml:81:40: systems[1].apps[0].terminationGracePeriodSeconds: terminationGracePeriodSeconds 160 s is not longer than the preStop sleep of 160 s, so the kubelet would kill the container before the sleep ends.',
    fix: 'set terminationGracePeriodSeconds above 160 with room for the longest request, for example 180.',
  },
  {
    name: 'replicas of the wrong type',
    edit: (d) => d.setIn(['systems', 0, 'apps', 1, 'replicas'], 'three'),
    message: 'platform.yaml:62:19: systems[0].apps[1].replicas: expected number, got "three".',
    fix: 'write a value of type number.',
  },
  {
    name: 'misspelt key',
    edit: (d) => {
      d.setIn(['systems', 1, 'hots'], 'b.bank.example.co.jp');
      d.deleteIn(['systems', 1, 'host']);
    },
    message: 'platform.yaml:81:5: systems[1].hots: unknown key "hots".',
    fix: 'did you mean "host"? Valid keys here: name, displayName, namespace, adminRoleArn, host, sharedFiles, apps.',
  },
  {
    name: 'duplicate system name',
    edit: (d) => d.setIn(['systems', 1, 'name'], 'a'),
    message:
      'platform.yaml:69:11: systems[1].name: system name "a" is already used at systems[0].name.',
    fix: 'give each system name a unique value.',
  },
  {
    name: 'system name Kubernetes would reject',
    edit: (d) => d.setIn(['systems', 1, 'name'], 'B_System'),
    message: 'platform.yaml:69:11: systems[1].name: "B_System" is not a valid system name.',
    fix: 'use 1 to 15 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it becomes part of the namespace, the group and the bucket name).',
  },
  {
    name: 'account id as a number',
    edit: (d) => d.set('account', 111122223333),
    message: 'platform.yaml:6:10: account: expected string, got 111122223333.',
    fix: 'write a value of type string.',
  },
  {
    name: 'reserved namespace',
    edit: (d) => d.setIn(['systems', 1, 'namespace'], 'kube-system'),
    message:
      'platform.yaml:82:16: systems[1].namespace: namespace "kube-system" is reserved for Kubernetes.',
    fix: "choose a namespace of the system's own, such as its name.",
  },
  {
    name: 'Availability Zone of another region',
    edit: (d) => d.setIn(['regions', 'primary', 'availabilityZones', 2], 'us-east-1d'),
    message:
      'platform.yaml:11:60: regions.primary.availabilityZones[2]: Availability Zone "us-east-1d" is not in region ap-northeast-1.',
    fix: 'use zone names that start with ap-northeast-1, for example ap-northeast-1a.',
  },
  {
    name: 'two Availability Zones only',
    edit: (d) =>
      d.setIn(['regions', 'primary', 'availabilityZones'], ['ap-northeast-1a', 'ap-northeast-1c']),
    message:
      'platform.yaml:12:7: regions.primary.availabilityZones: 2 item(s) is below the minimum of 3.',
    fix: 'use 3 or more.',
  },
  {
    name: 'single replica without an exception',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'replicas'], 1),
    message:
      'platform.yaml:77:19: systems[1].apps[0].replicas: replicas 1 leaves no replica serving while a node is drained or a zone fails.',
    fix: 'set replicas to 2 or more, or declare an exception with control "single-replica", target "b/trade" and a reason.',
  },
  {
    name: 'public endpoint without an exception',
    edit: (d) => d.setIn(['clusters', 0, 'publicAccessCidrs'], ['203.0.113.0/24']),
    message:
      'platform.yaml:29:7: clusters[0].publicAccessCidrs: a public API endpoint is a loosening of the private-only default and needs a declared exception.',
    fix: 'add to exceptions: control "public-api-endpoint", target "main", and the reason; or remove publicAccessCidrs.',
  },
  {
    name: 'image tag latest',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'image', 'tag'], 'latest'),
    message:
      'platform.yaml:75:23: systems[1].apps[0].image.tag: the tag "latest" moves, so the image that runs is not the one reviewed.',
    fix: 'use a release tag such as 1.4.2, or a digest (sha256:...).',
  },
  {
    name: 'platform name too long for bucket names',
    edit: (d) => {
      d.set('name', 'kinko-demo-platform1');
      d.setIn(['systems', 1, 'name'], 'settlementcore1');
    },
    message:
      'platform.yaml:69:11: systems[1].name: the derived S3 bucket name "kinko-demo-platform1-settlementcore1-111122223333-ap-northeast-1" is 64 characters, above the limit of 63.',
    fix: 'shorten the platform or system name.',
  },
];

describe('platform.yaml loading', () => {
  it('[config][unit] bundled example is valid', () => {
    const config = parsePlatformConfig(EXAMPLE, 'examples/platform.yaml');
    assert.deepEqual(
      config.systems.map((system) => system.name),
      ['a', 'b'],
    );
    assert.equal(config.clusters[0]?.version, '1.37');
  });

  for (const invalid of INVALID_CASES) {
    it(`[config][unit] rejects ${invalid.name}`, () => {
      const problems = problemsOf(exampleWith(invalid.edit));
      const rendered = problems.map((problem) => renderProblem(problem, 'en'));
      assert.ok(rendered.includes(invalid.message), `got:\n${rendered.join('\n')}`);
      const problem = problems[rendered.indexOf(invalid.message)];
      assert.ok(problem !== undefined);
      assert.equal(renderFix(problem, 'en'), invalid.fix);
    });
  }

  it('[config][unit] reports every problem of a file in one error', () => {
    const text = exampleWith((d) => {
      d.setIn(['systems', 0, 'apps', 0, 'port'], 80);
      d.setIn(['systems', 1, 'apps', 0, 'port'], 'http');
    });
    assert.equal(problemsOf(text).length, 2);
  });

  it('[config][unit] renders errors in Japanese', () => {
    const text = exampleWith((d) =>
      d.setIn(['systems', 0, 'apps', 0, 'terminationGracePeriodSeconds'], '180s'),
    );
    try {
      parsePlatformConfig(text, 'platform.yaml');
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const rendered = renderError(error, 'ja');
      assert.match(
        rendered,
        /プラットフォーム設定に 1 件の問題があります。何も書き出していません。/,
      );
      assert.match(rendered, /対処: 数値だけを書いてください: 180/);
    }
  });

  it('[config][unit] rejects invalid YAML with its line', () => {
    const problems = problemsOf('name: kinko\nsystems: [a\n');
    assert.equal(problems[0]?.messageId, 'config.yaml.syntax');
    assert.equal(problems[0]?.location?.line, 3);
  });

  it('[config][unit] rejects a duplicate YAML key', () => {
    const problems = problemsOf(`${EXAMPLE}\nname: again\n`);
    assert.equal(problems[0]?.messageId, 'config.yaml.syntax');
  });

  it('[config][unit] accepts a public endpoint with its exception', () => {
    const text = exampleWith((d) => {
      d.setIn(['clusters', 0, 'publicAccessCidrs'], ['203.0.113.0/24']);
      d.set('exceptions', [
        {
          control: 'public-api-endpoint',
          target: 'main',
          reason: 'Operators reach the API from the head office only.',
        },
      ]);
    });
    const config = parsePlatformConfig(text, 'platform.yaml');
    assert.deepEqual(config.clusters[0]?.publicAccessCidrs, ['203.0.113.0/24']);
  });

  it('[config][unit] rejects a stale exception', () => {
    const text = exampleWith((d) =>
      d.set('exceptions', [
        { control: 'single-replica', target: 'b/trade', reason: 'Batch app, one copy at a time.' },
      ]),
    );
    const problems = problemsOf(text);
    assert.equal(problems[0]?.messageId, 'config.exception.unused');
  });

  it('[config][unit] rejects the whole internet as a public CIDR', () => {
    const text = exampleWith((d) => {
      d.setIn(['clusters', 0, 'publicAccessCidrs'], ['0.0.0.0/0']);
      d.set('exceptions', [
        { control: 'public-api-endpoint', target: 'main', reason: 'Testing only, never in prod.' },
      ]);
    });
    assert.equal(problemsOf(text)[0]?.messageId, 'config.publicEndpoint.openWorld');
  });
});
