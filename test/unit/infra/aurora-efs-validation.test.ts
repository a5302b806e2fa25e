import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from 'yaml';
import { ConfigError, parsePlatformConfig } from '../../../src/config/load.js';
import { renderFix, renderProblem, type Problem } from '../../../src/errors.js';
import { exampleWith, platformOf, SYSTEM_A, SYSTEM_B, withoutDr } from './data-stores-synth.js';

function problemsOf(text: string): Problem[] {
  try {
    parsePlatformConfig(text, 'platform.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected the configuration to be rejected');
}

const render = (problem: Problem): [string, string] => [
  renderProblem(problem, 'en').replace(/^platform\.yaml:\d+:\d+: /, ''),
  renderFix(problem, 'en') ?? '',
];

interface InvalidCase {
  readonly practice: 'R1' | 'R5';
  readonly name: string;
  readonly edit: (document: Document) => void;
  readonly problems: ReadonlyArray<readonly [string, string]>;
}

const CASES: InvalidCase[] = [
  {
    practice: 'R5',
    name: 'MySQL engine with a PostgreSQL version',
    edit: (d) => d.setIn(['systems', SYSTEM_B, 'database', 'engine'], 'aurora-mysql'),
    problems: [
      [
        'systems[1].database.engineVersion: "17.7" is not a version of aurora-mysql.',
        'pin a version of aurora-mysql, for example 8.0.mysql_aurora.3.08.0; aurora-mysql takes version 3 (MySQL 8.0) only.',
      ],
    ],
  },
  {
    practice: 'R1',
    name: 'DR instances without a DR region',
    edit: (d) => {
      withoutDr(d);
      d.setIn(['systems', SYSTEM_B, 'database', 'drInstances'], 2);
    },
    problems: [
      [
        'systems[1].database.drInstances: DR instances are set, but regions.dr is not declared, so there is no secondary cluster to put them in.',
        'declare regions.dr, or remove drInstances.',
      ],
    ],
  },
  {
    practice: 'R5',
    name: 'EFS mounted inside the shared files',
    edit: (d) => d.setIn(['systems', SYSTEM_A, 'efs', 'mountPath'], '/mnt/shared/efs'),
    problems: [
      [
        'systems[0].efs.mountPath: the EFS mount path "/mnt/shared/efs" overlaps the shared files mounted at /mnt/shared.',
        'give EFS a folder of its own, for example /mnt/efs.',
      ],
    ],
  },
  {
    practice: 'R5',
    name: 'EFS mounted over the secrets volume',
    edit: (d) => d.setIn(['systems', SYSTEM_A, 'efs', 'mountPath'], '/mnt/secrets-store'),
    problems: [
      [
        'systems[0].efs.mountPath: Kinko already mounts the secrets volume at "/mnt/secrets-store" in every app container.',
        'choose another folder, for example /mnt/shared.',
      ],
    ],
  },
  {
    practice: 'R5',
    name: 'instance class without the db. prefix',
    edit: (d) => d.setIn(['systems', SYSTEM_B, 'database', 'instanceClass'], 'r7g.large'),
    problems: [
      [
        'systems[1].database.instanceClass: "r7g.large" is not a DB instance class.',
        'write a class that Aurora offers, for example db.r7g.large.',
      ],
    ],
  },
];

describe('platform.yaml checks of EFS and Aurora', () => {
  for (const testCase of CASES) {
    it(`[${testCase.practice}][unit] rejects ${testCase.name}`, () => {
      const problems = problemsOf(exampleWith(testCase.edit)).map(render);

      assert.deepEqual(problems, testCase.problems);
    });
  }

  it('[R5][unit] a single Aurora instance is rejected', () => {
    const problems = problemsOf(
      exampleWith((d) => d.setIn(['systems', SYSTEM_B, 'database', 'instances'], 1)),
    );

    assert.equal(problems.length, 1);
    assert.match(render(problems[0] as Problem)[0], /^systems\[1\]\.database\.instances: /);
  });

  it('[R5][unit] defaults are the safe choices', () => {
    const platform = platformOf(
      exampleWith((d) => {
        d.setIn(['systems', SYSTEM_B, 'database'], {
          engine: 'aurora-postgresql',
          engineVersion: '17.7',
        });
      }),
    );
    const database = platform.systems[SYSTEM_B]?.database;
    const efs = platform.systems[SYSTEM_A]?.efs;

    assert.equal(database?.instances, 2);
    assert.equal(database?.drInstances, 1);
    assert.equal(database?.deletionProtection, true);
    assert.equal(database?.backupRetentionDays, 35);
    assert.equal(database?.globalClusterIdentifier, 'kinko-demo-b-global');
    assert.equal(efs?.throughputMode, 'elastic');
    assert.deepEqual(efs?.posixUser, { uid: 10001, gid: 10001 });
  });
});
