// Child of bench/synth.mjs: time a bare import of aws-cdk-lib in a fresh process.
const start = performance.now();
await import('aws-cdk-lib');
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
