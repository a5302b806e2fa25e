// Benchmark of `kinko check`: objects per second and peak memory (max RSS) on at least 10,000
// Kubernetes objects, beside the floor of bare YAML parsing of the same files and beside the
// peers found in the cache (bench/install-peers.sh), in one run.
//
// The input is the manifest corpus (the example files of kube-score, kube-linter, Polaris, Checkov
// and kubesec, and the microservices-demo manifests) copied N times into a temporary folder.
// Files for which `kinko check` reports an input problem (YAML errors, objects without a name, a
// document that is not an object) are left out, so every tool reads the same valid objects. Each case runs in a fresh process:
//   floor            bare `yaml` parseAllDocuments + toJS of every file (bench/check-child.mjs)
//   kinko in-process the check command run inside a Node.js process whose modules are already
//                    loaded: the work alone (bench/check-child.mjs)
//   kinko CLI        `node dist/src/cli/main.js check -f json DIR` as a child process: start-up,
//                    module loading and writing the report included
//   peers            checkov, kube-linter and kube-score from ~/.cache/kinko/bench when installed
//                    there (kube-score reads files, not folders: every input file is passed)
// Child-process peak RSS comes from /usr/bin/time; object counts are checked against the input.
//
//   npm run build && node_modules/.bin/node bench/check.mjs
//   (BENCH_OBJECTS=N for the least object count, BENCH_RUNS=N for runs per case, default 1;
//   BENCH_CHECKOV=1 to include checkov, which takes about an hour on 10,000 objects)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';

import { readManifestInputs } from '../dist/src/policy/input/read.js';

const CORPUS = '../shared/corpora/manifests';
const PEERS = process.env.KINKO_BENCH_CACHE ?? join(homedir(), '.cache/kinko/bench');
const least = Number(process.env.BENCH_OBJECTS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 1);
const work = mkdtempSync(join(tmpdir(), 'kinko-bench-check-'));
const input = join(work, 'input');

/** Objects in each corpus file copied, by path relative to the corpus. */
const objectsPerFile = new Map();

/** Copies the valid corpus files enough times for `least` objects, and counts them. */
function buildInput() {
  const corpus = readManifestInputs([CORPUS]);
  const broken = new Set(corpus.problems.map((problem) => problem.file));
  const perFile = new Map();
  for (const resource of corpus.resources) {
    const file = resource.source?.file;
    if (file !== undefined) perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  const files = corpus.files.filter((file) => !broken.has(file) && perFile.has(file));
  const perCopy = files.reduce((sum, file) => sum + perFile.get(file), 0);
  const copies = Math.ceil(least / perCopy);
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      cpSync(file, join(input, `copy-${String(copy).padStart(3, '0')}`, relative(CORPUS, file)));
    }
  }
  for (const file of files) objectsPerFile.set(relative(CORPUS, file), perFile.get(file));
  return { files: files.length * copies, skipped: broken.size, perCopy, copies };
}

/** Runs `command args`, timing the wall clock here and taking the peak RSS from /usr/bin/time. */
function timed(command, args, okCodes) {
  const rss = join(work, 'rss');
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rss, command, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 2 ** 30,
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okCodes.includes(result.status)) {
    throw new Error(`${command} exited ${result.status}:\n${String(result.stderr).slice(0, 2000)}`);
  }
  const maxRssKiB = Number(readFileSync(rss, 'utf8').trim().split('\n').pop());
  return { ms, maxRssKiB, stdout: result.stdout };
}

function child(mode) {
  return () => {
    const result = spawnSync(process.execPath, ['bench/check-child.mjs', mode, input], {
      encoding: 'utf8',
      maxBuffer: 2 ** 30,
    });
    if (result.status !== 0) throw new Error(`check-child ${mode} failed:\n${result.stderr}`);
    const lines = result.stdout.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]);
  };
}

function kinkoCli() {
  const run = timed(
    process.execPath,
    ['dist/src/cli/main.js', 'check', '-f', 'json', input],
    [0, 1],
  );
  return { ...run, objects: JSON.parse(String(run.stdout)).objects };
}

/** Runs Checkov, whose resource count differs from the object count and is printed as is. */
function checkov() {
  const bin = join(PEERS, 'checkov-venv/bin/checkov');
  const args = ['-d', input, '--framework', 'kubernetes', '-o', 'json', '--quiet', '--compact'];
  const run = timed(bin, args, [0, 1]);
  const report = JSON.parse(String(run.stdout));
  const summary = (Array.isArray(report) ? report[0] : report).summary;
  return { ...run, objects: summary?.resource_count, reference: true };
}

function kubeLinter() {
  const run = timed(join(PEERS, 'bin/kube-linter'), ['lint', '--format', 'json', input], [0, 1]);
  return { ...run, objects: undefined, reference: true };
}

/** Lists every file under `folder`, for peers that take files and not folders. */
function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * kube-score stops at the first object it cannot decode (for example `replicas: "2"`), so it gets
 * its own input: the same copies, less the corpus files it rejects on their own. Its rate is
 * computed from the objects in that input. Its report lists fewer, because it keeps one entry per
 * kind, namespace and name, and the copies repeat names.
 */
function kubeScore() {
  const bin = join(PEERS, 'bin/kube-score');
  const own = join(work, 'input-kube-score');
  if (!existsSync(own)) {
    const refused = new Set();
    for (const file of filesUnder(join(input, 'copy-000'))) {
      const probe = spawnSync(bin, ['score', '-o', 'json', '--color', 'never', file]);
      if (probe.status !== 0 && probe.status !== 1)
        refused.add(relative(join(input, 'copy-000'), file));
      else if (String(probe.stderr).includes('Failed to'))
        refused.add(relative(join(input, 'copy-000'), file));
    }
    for (const file of filesUnder(input)) {
      const inCopy = relative(input, file).split('/').slice(1).join('/');
      if (!refused.has(inCopy)) cpSync(file, join(own, relative(input, file)));
    }
    console.log(`kube-score: ${refused.size} corpus files it cannot decode left out of its input`);
  }
  const args = ['score', '-o', 'json', '--color', 'never', ...filesUnder(own)];
  const run = timed(bin, args, [0, 1]);
  JSON.parse(String(run.stdout));
  let objects = 0;
  for (const file of filesUnder(own)) {
    objects += objectsPerFile.get(relative(own, file).split('/').slice(1).join('/')) ?? 0;
  }
  return { ...run, objects, reference: true, rateFromCount: true };
}

const cases = [
  { name: 'bare `yaml` parseAllDocuments + toJS (floor)', run: child('parse') },
  { name: 'kinko check, in-process (work only)', run: child('cli') },
  { name: 'kinko check, child process (`-f json`)', run: kinkoCli },
  {
    name: 'checkov (`--framework kubernetes -o json`)',
    run: checkov,
    needs: 'checkov-venv/bin/checkov',
    // About 3 objects/s here: 10,000 objects take about an hour.
    optIn: 'BENCH_CHECKOV',
  },
  { name: 'kube-linter (`lint --format json`)', run: kubeLinter, needs: 'bin/kube-linter' },
  { name: 'kube-score v1.20.0 (`score -o json`)', run: kubeScore, needs: 'bin/kube-score' },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

try {
  const built = buildInput();
  const objects = built.perCopy * built.copies;
  console.log(
    `command: node_modules/.bin/node bench/check.mjs (BENCH_OBJECTS=${least}, BENCH_RUNS=${runs})`,
  );
  console.log(
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, load average ${loadavg()[0].toFixed(1)}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `input: ${objects} objects in ${built.files} files (${built.perCopy} objects x ${built.copies} copies of the corpus; ${built.skipped} corpus files with input problems left out)`,
  );
  console.log('');
  console.log('| case | objects | wall time (s) | objects/s | peak RSS (MiB) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const benchCase of cases) {
    if (benchCase.optIn !== undefined && process.env[benchCase.optIn] !== '1') {
      console.log(`| ${benchCase.name} | skipped: set ${benchCase.optIn}=1 (slow) | | | |`);
      continue;
    }
    if (benchCase.needs !== undefined && !existsSync(join(PEERS, benchCase.needs))) {
      console.log(
        `| ${benchCase.name} | skipped: ${join(PEERS, benchCase.needs)} not found | | | |`,
      );
      continue;
    }
    const samples = Array.from({ length: runs }, () => benchCase.run());
    const counted = samples[0].objects;
    if (samples[0].reference !== true && counted !== objects) {
      throw new Error(`${benchCase.name} counted ${counted} objects, expected ${objects}`);
    }
    const seconds = median(samples.map((sample) => sample.ms)) / 1000;
    const rss = Math.max(...samples.map((sample) => sample.maxRssKiB)) / 1024;
    const countText = counted === undefined ? 'n/a' : counted.toLocaleString('en-US');
    const rateObjects = samples[0].rateFromCount === true ? counted : objects;
    const rate = Math.round(rateObjects / seconds).toLocaleString('en-US');
    console.log(
      `| ${benchCase.name} | ${countText} | ${seconds.toFixed(2)} | ${rate} | ${rss.toFixed(0)} |`,
    );
  }
  console.log('');
  console.log('Polaris and kube-linter are not measured: see docs/benchmarks.md.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
