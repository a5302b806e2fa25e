// Child of bench/synth.mjs: run the compiled synth on CONFIG into OUT in a fresh process.
const [config, out] = process.argv.slice(2);
const start = performance.now();
const { synth } = await import('../dist/src/synth/synth.js');
synth({ configFile: config, outDir: out });
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
