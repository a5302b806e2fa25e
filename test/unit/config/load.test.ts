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
      'systems[0].apps[0].terminationGracePeriodSeconds: "180s" is a string, but the Kubernetes API takes an integer number of seconds and rejects a manifest with "180s".',
    fix: 'write the number alone: 180.',
  },
  {
    name: 'grace period not longer than the preStop sleep',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'terminationGracePeriodSeconds'], 160),
    message:
      'systems[1].apps[0].terminationGracePeriodSeconds: terminationGracePeriodSeconds 160 s is not longer than the preStop sleep of 160 s, so the kubelet would kill the container before the sleep ends.',
    fix: 'set terminationGracePeriodSeconds above 160 with room for the longest request, for example 180.',
  },
  {
    name: 'replicas of the wrong type',
    edit: (d) => d.setIn(['systems', 0, 'apps', 1, 'replicas'], 'three'),
    message: 'systems[0].apps[1].replicas: expected number, got "three".',
    fix: 'write a value of type number.',
  },
  {
    name: 'misspelt key',
    edit: (d) => {
      d.setIn(['systems', 1, 'hots'], 'b.bank.example.co.jp');
      d.deleteIn(['systems', 1, 'host']);
    },
    message: 'systems[1].hots: unknown key "hots".',
    fix: 'did you mean "host"? Valid keys here: name, displayName, namespace, adminRoleArn, host, pathPrefix, liveCluster, dr, sharedFiles, efs, database, apps.',
  },
  {
    name: 'duplicate system name',
    edit: (d) => d.setIn(['systems', 1, 'name'], 'a'),
    message: 'systems[1].name: system name "a" is already used at systems[0].name.',
    fix: 'give each system name a unique value.',
  },
  {
    name: 'system name Kubernetes would reject',
    edit: (d) => d.setIn(['systems', 1, 'name'], 'B_System'),
    message: 'systems[1].name: "B_System" is not a valid system name.',
    fix: 'use 1 to 15 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (it becomes part of the namespace, the group and the bucket name).',
  },

  {
    name: 'reserved namespace',
    edit: (d) => d.setIn(['systems', 1, 'namespace'], 'kube-system'),
    message: 'systems[1].namespace: namespace "kube-system" is reserved for Kubernetes.',
    fix: "choose a namespace of the system's own, such as its name.",
  },
  {
    name: 'Availability Zone of another region',
    edit: (d) => d.setIn(['regions', 'primary', 'availabilityZones', 2], 'us-east-1d'),
    message:
      'regions.primary.availabilityZones[2]: Availability Zone "us-east-1d" is not in region ap-northeast-1.',
    fix: 'use zone names that start with ap-northeast-1, for example ap-northeast-1a.',
  },
  {
    name: 'two Availability Zones only',
    edit: (d) =>
      d.setIn(['regions', 'primary', 'availabilityZones'], ['ap-northeast-1a', 'ap-northeast-1c']),
    message: 'regions.primary.availabilityZones: 2 item(s) is below the minimum of 3 item(s).',
    fix: 'use 3 item(s) or more.',
  },
  {
    name: 'single replica without an exception',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'replicas'], 1),
    message:
      'systems[1].apps[0].replicas: replicas 1 leaves no replica serving while a node is drained or a zone fails.',
    fix: 'set replicas to 2 or more, or declare an exception with control "single-replica", target "b/trade" and a reason.',
  },
  {
    name: 'public endpoint without an exception',
    edit: (d) => d.setIn(['clusters', 0, 'publicAccessCidrs'], ['203.0.113.0/24']),
    message:
      'clusters[0].publicAccessCidrs: a public API endpoint is a loosening of the private-only default and needs a declared exception.',
    fix: 'add to exceptions: control "public-api-endpoint", target "blue", and the reason; or remove publicAccessCidrs.',
  },
  {
    name: 'image tag latest',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'image', 'tag'], 'latest'),
    message:
      'systems[1].apps[0].image.tag: the tag "latest" moves, so the image that runs is not the one reviewed.',
    fix: 'use a release tag such as 1.4.2, or a digest (sha256:...).',
  },
  {
    name: 'platform name too long for bucket names',
    edit: (d) => {
      d.set('name', 'kinko-demo-platform1');
      d.setIn(['systems', 1, 'name'], 'settlementcore1');
    },
    message:
      'systems[1].name: the derived S3 bucket name "kinko-demo-platform1-settlementcore1-111122223333-ap-northeast-1" is 64 characters, above the limit of 63.',
    fix: 'shorten the platform or system name.',
  },
];

/** Cases checked by message and fix without the file position, which depends on YAML layout. */
const INVALID_WITHOUT_POSITION: InvalidCase[] = [
  {
    name: 'VPC CIDR with host bits set',
    edit: (d) => d.setIn(['network', 'vpcCidr'], '10.0.0.1/16'),
    message:
      'network.vpcCidr: "10.0.0.1/16" has host bits set; the network address of that block is 10.0.0.0/16.',
    fix: 'write the network address, 10.0.0.0/16, so the address plan is exactly what you reviewed.',
  },
  {
    name: 'VPC too small for the subnets',
    edit: (d) => d.setIn(['network', 'vpcCidr'], '10.0.0.0/28'),
    message:
      'network.vpcCidr: a /28 VPC is outside /16 to /22, the sizes Kinko can split into a public and a private subnet per zone.',
    fix: 'use a prefix length from 16 to 22, for example 10.0.0.0/16.',
  },
  {
    name: 'ingress controller in kube-system',
    edit: (d) => d.set('ingress', { namespace: 'kube-system' }),
    message:
      'ingress.namespace: the ingress controller namespace "kube-system" is reserved for Kubernetes.',
    fix: 'choose a namespace of its own, such as the default one.',
  },
  {
    name: 'shared files mounted over the secrets volume',
    edit: (d) => d.setIn(['systems', 0, 'sharedFiles', 'mountPath'], '/mnt/secrets-store'),
    message:
      'systems[0].sharedFiles.mountPath: Kinko already mounts the secrets volume at "/mnt/secrets-store" in every app container.',
    fix: 'choose another folder, for example /mnt/shared.',
  },
  {
    name: 'Graviton instance with an x86 AMI',
    edit: (d) => d.setIn(['clusters', 0, 'nodeGroups', 0, 'instanceTypes'], ['m7g.xlarge']),
    message:
      'clusters[0].nodeGroups[0].instanceTypes[0]: m7g.xlarge is an arm64 instance type, but amiType AL2023_x86_64_STANDARD is for the other architecture.',
    fix: 'set amiType to AL2023_ARM_64_STANDARD, or keep the node group to instance types of one architecture.',
  },
  {
    name: 'log retention CloudWatch Logs does not offer',
    edit: (d) => d.setIn(['network', 'flowLogRetentionDays'], 366),
    message:
      'network.flowLogRetentionDays: 366 is not a retention period that CloudWatch Logs offers.',
    fix: 'use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days.',
  },
  {
    name: 'display name with a line break',
    edit: (d) => d.setIn(['systems', 0, 'displayName'], 'A system\n## Injected'),
    message: 'systems[0].displayName: "A system\\n## Injected" is not a one-line display name.',
    fix: 'use 1 to 100 characters on one line, without tabs or line breaks.',
  },
  {
    name: 'image without tag or digest',
    edit: (d) => d.setIn(['systems', 1, 'apps', 0, 'image'], {}),
    message: 'systems[1].apps[0].image: the image has neither a tag nor a digest.',
    fix: 'add tag: with a release tag such as 1.4.2, or digest: with sha256:...',
  },
  {
    name: 'account id read as a number',
    edit: (d) => d.set('account', 111122223333),
    message: 'account: expected text, but YAML read 111122223333 as a number.',
    fix: 'put the value in quotes: "111122223333".',
  },
  {
    name: 'exception reason too short',
    edit: (d) => {
      d.setIn(['systems', 1, 'apps', 0, 'replicas'], 1);
      d.set('exceptions', [{ control: 'single-replica', target: 'b/trade', reason: '' }]);
    },
    message: 'exceptions[0].reason: "" is not a reason of 10 to 1000 characters.',
    fix: 'write in at least 10 characters, not counting leading and trailing spaces, why the exception is accepted and who accepted it; it appears in every report.',
  },
  {
    name: 'image exception whose reason is only spaces',
    edit: (d) =>
      d.setIn(
        ['images', 'exceptions'],
        [{ finding: 'CVE-2026-1234', reason: '            ', expires: '2026-12-31' }],
      ),
    message:
      'images.exceptions[0].reason: "            " is not a reason of 10 to 1000 characters.',
    fix: 'write in at least 10 characters, not counting leading and trailing spaces, why the exception is accepted and who accepted it; it appears in every report.',
  },
  {
    name: 'audit exception whose reason is only spaces',
    edit: (d) =>
      d.setIn(['audit', 'exceptions'], [{ detection: 'pod-exec', reason: '  \t  \n     ' }]),
    message:
      'audit.exceptions[0].reason: "  \\t  \\n     " is not a reason of 10 to 1000 characters.',
    fix: 'write in at least 10 characters, not counting leading and trailing spaces, why the exception is accepted and who accepted it; it appears in every report.',
  },
];

describe('platform.yaml loading', () => {
  for (const invalid of INVALID_WITHOUT_POSITION) {
    it(`[config][unit] rejects ${invalid.name}`, () => {
      const problems = problemsOf(exampleWith(invalid.edit));
      const rendered = problems.map((problem) =>
        renderProblem(problem, 'en').replace(/^platform\.yaml:\d+:\d+: /, ''),
      );
      assert.ok(rendered.includes(invalid.message), `got:\n${rendered.join('\n')}`);
      const problem = problems[rendered.indexOf(invalid.message)];
      assert.ok(problem !== undefined);
      assert.equal(renderFix(problem, 'en'), invalid.fix);
    });
  }

  it('[config][unit] rejects several YAML documents in one file', () => {
    const problems = problemsOf(`${EXAMPLE}\n---\nname: second\n`);
    assert.equal(problems[0]?.messageId, 'config.yaml.multipleDocuments');
  });

  it('[config][unit] rejects an alias bomb without expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const problems = problemsOf(lines.join('\n'));
    assert.equal(problems[0]?.messageId, 'config.yaml.syntax');
  });

  it('[config][unit] reports one problem per path', () => {
    const problems = problemsOf(
      exampleWith((d) => d.setIn(['systems', 0, 'apps', 0, 'replicas'], 1e30)),
    );
    const paths = problems.map((problem) => problem.params.path);
    assert.equal(new Set(paths).size, paths.length);
  });

  it('[config][unit] renders type names and counts in Japanese', () => {
    const problems = problemsOf(
      exampleWith((d) => d.setIn(['regions', 'primary', 'availabilityZones'], [])),
    );
    assert.match(
      renderProblem(problems[0] as Problem, 'ja'),
      /0 件は下限の 3 件を下回っています。/,
    );
    const typed = problemsOf(
      exampleWith((d) => d.setIn(['systems', 0, 'apps', 0, 'port'], 'http')),
    );
    assert.match(
      renderProblem(typed[0] as Problem, 'ja'),
      /整数を指定してください|数値を指定してください/,
    );
  });

  it('[config][unit] bundled example is valid', () => {
    const config = parsePlatformConfig(EXAMPLE, 'examples/platform.yaml');
    assert.deepEqual(
      config.systems.map((system) => system.name),
      ['a', 'b'],
    );
    assert.equal(config.clusters[0]?.version, '1.36');
  });

  for (const invalid of INVALID_CASES) {
    it(`[config][unit] rejects ${invalid.name}`, () => {
      const problems = problemsOf(exampleWith(invalid.edit));
      const rendered = problems.map((problem) =>
        renderProblem(problem, 'en').replace(/^platform\.yaml:\d+:\d+: /, ''),
      );
      assert.ok(rendered.includes(invalid.message), `got:\n${rendered.join('\n')}`);
      const problem = problems[rendered.indexOf(invalid.message)];
      assert.ok(problem !== undefined);
      assert.equal(renderFix(problem, 'en'), invalid.fix);
    });
  }

  it('[config][unit] points at the line and column of the value', () => {
    const text = exampleWith((d) =>
      d.setIn(['systems', 1, 'apps', 0, 'terminationGracePeriodSeconds'], '180s'),
    );
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('180s')) + 1;
    const column = (lines[line - 1] ?? '').search(/"?180s/) + 1;

    const [problem] = problemsOf(text);

    assert.deepEqual(problem?.location, { file: 'platform.yaml', line, column });
  });

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
      assert.match(rendered, /プラットフォーム設定に 1 件の問題があります。/);
      // The summary serves every command, and most of them write nothing anyway.
      assert.doesNotMatch(rendered, /何も書き出していません/);
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
          target: 'blue',
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
        { control: 'public-api-endpoint', target: 'blue', reason: 'Testing only, never in prod.' },
      ]);
    });
    assert.equal(problemsOf(text)[0]?.messageId, 'config.publicEndpoint.openWorld');
  });
});
