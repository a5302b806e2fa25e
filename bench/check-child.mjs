// One measurement of bench/check.mjs, in a fresh Node.js process. The clock starts after the
// modules are loaded, so the time is the work alone; the peak RSS covers the whole process.
// Prints {"objects": n, "ms": wall, "maxRssKiB": peak} as its last line.
//
//   node bench/check-child.mjs parse DIR   bare YAML parsing (parseAllDocuments + toJS): the floor
//   node bench/check-child.mjs cli DIR     `kinko check -f json DIR` through the check command,
//                                          in this process, its report kept in memory
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, dir] = process.argv.slice(2);
const MANIFEST = /\.(ya?ml|json)$/i;

/** Compares directory entries by name in code-unit order, as `kinko check` sorts them. */
function byName(a, b) {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/** Every manifest file below `dir`, in sorted order, as `kinko check` reads a folder. */
function listFiles(folder) {
  const entries = readdirSync(folder, { withFileTypes: true }).sort(byName);
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return MANIFEST.test(entry.name) ? [path] : [];
  });
}

/** Objects in one parsed document: 0 for an empty one, the items of a List kind, else 1. */
function objectsOf(value) {
  if (value === null || value === undefined) return 0;
  const isList =
    typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
  return isList ? value.items.length : 1;
}

async function parseFloor() {
  const { parseAllDocuments } = await import('yaml');
  const started = process.hrtime.bigint();
  let objects = 0;
  for (const file of listFiles(dir)) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      objects += objectsOf(document.toJS());
    }
  }
  return { objects, started };
}

async function checkInProcess() {
  const { Command } = await import('commander');
  const { registerCheckCommand } = await import('../dist/src/cli/check.js');
  const { KinkoError } = await import('../dist/src/errors.js');
  const program = new Command('kinko').version('0.0.0').exitOverride();
  registerCheckCommand(program, 'en');

  const output = [];
  const write = process.stdout.write;
  process.stdout.write = (chunk) => {
    output.push(String(chunk));
    return true;
  };
  const started = process.hrtime.bigint();
  try {
    await program.parseAsync(['check', '-f', 'json', dir], { from: 'user' });
  } catch (error) {
    // Findings at error level end the command with KINKO_CHECK_FAILED, as on the command line.
    if (!(error instanceof KinkoError && error.code === 'KINKO_CHECK_FAILED')) throw error;
  } finally {
    process.stdout.write = write;
  }
  const elapsed = process.hrtime.bigint();
  return { objects: JSON.parse(output.join('')).objects, started, elapsed };
}

const result = mode === 'parse' ? await parseFloor() : await checkInProcess();
const ended = result.elapsed ?? process.hrtime.bigint();
console.log(
  JSON.stringify({
    objects: result.objects,
    ms: Number(ended - result.started) / 1e6,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
