// Run the test suite with Node's built-in test runner on the compiled tests in dist/.
// `unit` runs the tests that need nothing but Node; `all` adds the end-to-end tests.
// Results also go to .test-results/junit.xml, which `kinko evidence` reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const mode = process.argv[2] ?? 'all';
const suites = {
  unit: ['dist/test/unit/**/*.test.js'],
  all: ['dist/test/unit/**/*.test.js', 'dist/test/e2e/**/*.test.js'],
};
const patterns = suites[mode];
if (!patterns) {
  console.error(
    `run-tests: unknown suite "${mode}"; use one of: ${Object.keys(suites).join(', ')}`,
  );
  process.exit(2);
}

mkdirSync('.test-results', { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--enable-source-maps',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    '--test-reporter-destination=.test-results/junit.xml',
    ...patterns,
  ],
  { stdio: 'inherit', env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } },
);
process.exit(result.status ?? 1);
