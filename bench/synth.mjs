// Benchmark of `kinko synth`: wall time and peak memory (max RSS) for the bundled example and a
// generated 20-system platform, beside the floor of a bare import('aws-cdk-lib'), in one run.
// Each measurement runs in a fresh Node.js process, so module loading is counted every time.
//
//   npm run bench:synth            (3 runs each; BENCH_RUNS=N to change)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { parseDocument } from 'yaml';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'kinko-bench-'));

/** Run a child Node.js script that prints {"ms": wall, "maxRssKiB": peak} as its last line. */
function measure(args) {
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(`benchmark child failed (${args.join(' ')}):\n${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function generatePlatform(systemCount) {
  const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
  const template = document.toJS().systems[0];
  const systems = Array.from({ length: systemCount }, (_, i) => {
    const name = `s${String(i + 1).padStart(2, '0')}`;
    return {
      ...template,
      name,
      displayName: `System ${name}`,
      adminRoleArn: `arn:aws:iam::111122223333:role/kinko-demo-${name}-admins`,
      host: `${name}.bank.example.co.jp`,
    };
  });
  document.set('systems', systems);
  const file = join(work, `platform-${systemCount}.yaml`);
  writeFileSync(file, document.toString());
  return file;
}

const cases = [
  { name: "bare import('aws-cdk-lib') (floor)", args: ['bench/child-import-cdk.mjs'] },
  {
    name: 'kinko synth examples/platform.yaml (2 systems)',
    args: ['bench/child-synth.mjs', 'examples/platform.yaml', join(work, 'out-example')],
  },
  {
    name: 'kinko synth generated platform (20 systems)',
    args: ['bench/child-synth.mjs', generatePlatform(20), join(work, 'out-20')],
  },
];

console.log(`command: npm run bench:synth (BENCH_RUNS=${runs})`);
console.log(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`,
);
console.log('');
console.log('| case | median wall time (s) | max of peak RSS (MiB) | runs |');
console.log('| --- | ---: | ---: | ---: |');
try {
  for (const benchCase of cases) {
    const samples = Array.from({ length: runs }, () => measure(benchCase.args));
    const wall = median(samples.map((sample) => sample.ms)) / 1000;
    const rss = Math.max(...samples.map((sample) => sample.maxRssKiB)) / 1024;
    console.log(`| ${benchCase.name} | ${wall.toFixed(2)} | ${rss.toFixed(0)} | ${runs} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
