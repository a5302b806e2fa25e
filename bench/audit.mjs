// Benchmark of `kinko audit`: events per second and peak memory (max RSS) over generated audit
// log lines, beside the floor of a bare JSON.parse of the same lines, in one run.
//
// The lines cycle through the events of the Falco k8s_audit fixtures
// (../shared/corpora/audit/falco-fixtures), each with a fresh auditID, so the detector's
// duplicate check never skips one. They are generated in memory and fed through a stream, so
// the figures leave out disk reads. Each mode runs in a fresh Node.js process:
//   generate  only produce the lines (the generator's own cost, included in both modes below)
//   parse     produce the lines, split them and JSON.parse each one: the floor
//   audit     produce the lines and run the whole pipeline: line splitting, JSON.parse, schema
//             validation, the 19 detections, repeat limiting, and text alerts to /dev/null
//
//   npm run build && node bench/audit.mjs            (BENCH_EVENTS=N to change the count)
import { spawnSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Readable } from 'node:stream';

const CORPUS = '../shared/corpora/audit/falco-fixtures';
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);

/** The corpus lines that hold an event, split around their auditID so it can be replaced. */
function templates() {
  const parts = [];
  for (const file of readdirSync(CORPUS)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    for (const line of readFileSync(`${CORPUS}/${file}`, 'utf8').split('\n')) {
      const match = /"auditID":"([^"]+)"/.exec(line);
      if (match === null) continue;
      const at = match.index + '"auditID":"'.length;
      parts.push([line.slice(0, at), line.slice(at + match[1].length)]);
    }
  }
  return parts;
}

/** Chunks of about 64 KiB of newline-terminated lines, `count` lines in all. */
function* chunks(count) {
  const parts = templates();
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const [before, after] = parts[i % parts.length];
    chunk += `${before}bench-${i}${after}\n`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

async function child(mode) {
  const started = process.hrtime.bigint();
  let bytes = 0;
  let counted = 0;

  if (mode === 'generate') {
    for (const chunk of chunks(events)) bytes += chunk.length;
    counted = events;
  } else if (mode === 'parse') {
    for (const chunk of chunks(events)) {
      bytes += chunk.length;
      for (const line of chunk.split('\n')) {
        if (line === '') continue;
        JSON.parse(line);
        counted++;
      }
    }
  } else {
    const { DETECTIONS } = await import('../dist/src/audit/detections/index.js');
    const { Detector } = await import('../dist/src/audit/detector.js');
    const { SILENT_LOG } = await import('../dist/src/audit/log.js');
    const { RepeatLimiter } = await import('../dist/src/audit/output/repeats.js');
    const { StreamSink } = await import('../dist/src/audit/output/sinks.js');
    const { StreamSource } = await import('../dist/src/audit/readers/stream.js');
    const { runAudit } = await import('../dist/src/audit/run.js');
    const { detectorSettings } = await import('../dist/src/audit/settings.js');

    const settings = detectorSettings(undefined);
    const input = Readable.from(
      (function* () {
        for (const chunk of chunks(events)) {
          bytes += chunk.length;
          yield Buffer.from(chunk);
        }
      })(),
    );
    const sink = new StreamSink(createWriteStream('/dev/null'), 'text', 'en', true);
    const stats = await runAudit({
      sources: [new StreamSource('bench', input, 'bench')],
      detector: new Detector(DETECTIONS, settings.context, settings.exceptions),
      repeats: new RepeatLimiter(settings.repeatWindowSeconds),
      sinks: [sink],
      log: SILENT_LOG,
      signal: new AbortController().signal,
    });
    await sink.close();
    counted = stats.events + stats.malformed;
    process.stderr.write(`${JSON.stringify(stats)}\n`);
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRssKiB = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ mode, events: counted, bytes, seconds, maxRssKiB }));
}

function run(mode) {
  const result = spawnSync(process.execPath, ['bench/audit.mjs', '--child', mode], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${mode} failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1]), stats: result.stderr.trim() };
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]);
} else {
  console.log(`node bench/audit.mjs  (BENCH_EVENTS=${events})`);
  console.log(
    `Node.js ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  const results = ['generate', 'parse', 'audit'].map(run);
  console.log('');
  console.log('| mode | events | MiB | seconds | events/s | peak RSS MiB |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.mode} | ${r.events} | ${(r.bytes / 2 ** 20).toFixed(0)} | ${r.seconds.toFixed(2)} | ${Math.round(r.events / r.seconds)} | ${(r.maxRssKiB / 1024).toFixed(0)} |`,
    );
  }
  const audit = results[2];
  if (audit.stats !== '') console.log(`\naudit stats: ${audit.stats}`);
}
