// Demonstration that the shutdown timing matters (R6): how many requests fail when one
// backend of a load-balanced pool terminates, with preStop 0 and with the configured values.
//
// What runs, on 127.0.0.1 only, in this one process:
//   - 3 backends (node:http servers). Each answers 200 after a fixed delay, the "longest request".
//   - a proxy that balances round-robin over its endpoint list and answers 502 when a backend
//     refuses or drops the connection. It removes a terminating backend from the list only after
//     a propagation delay, which stands for kube-proxy, the ingress controller and the ALB
//     noticing the pod's deletion.
//   - a client that sends a fixed number of requests at a fixed rate and counts every answer that
//     is not a 200. It stops by itself.
// One backend is deleted at t = 1 s. Like the kubelet, the bench runs the preStop sleep, then the
// app's SIGTERM handler (stop listening, finish the requests in flight, close), then a kill at
// the end of the grace period (every connection destroyed).
//
// Times are the platform.yaml values scaled down 45 times, so one run takes seconds:
//   propagation 90 s  (timing.endpointPropagationSeconds 30 + timing.albDeregistrationSeconds 60)
//   preStop 160 s, grace 180 s, longest request 15 s (the example's values and the default)
//
// What it models: the race between a pod that stops listening and routers that still send it
// new requests, and a grace period that cuts requests in flight.
// What it does not model: real kube-proxy, EndpointSlices, an ingress controller or an ALB; a
// propagation time that varies between routers (here one fixed delay); keep-alive connections
// from the proxy to the backends (each proxied request opens a new connection); retries by the
// ALB or the client; apps that ignore SIGTERM; network latency or loss. The failure counts
// depend on the rate and the scaled times chosen here, not on a cluster.
//
//   node bench/graceful-shutdown.mjs      (BENCH_RATE=requests/s, BENCH_SECONDS=client run time)
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const SCALE = 45;
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DELETE_AT_MS = 1000;
const HOST = '127.0.0.1';

const scaled = (seconds) => (seconds * 1000) / SCALE;

const PROPAGATION_S = 30 + 60;
const LONGEST_REQUEST_S = 15;

const CASES = [
  { name: 'preStop 0 (no sleep)', preStopS: 0, graceS: 30 },
  { name: 'sleep covers endpoint removal only', preStopS: 30, graceS: 60 },
  { name: 'configured (sleep 160, grace 180)', preStopS: 160, graceS: 180 },
];

function listen(server) {
  return new Promise((resolve) => server.listen(0, HOST, () => resolve(server.address().port)));
}

function startBackend(requestMs) {
  const server = http.createServer((request, response) => {
    request.resume();
    const timer = setTimeout(() => response.end('ok\n'), requestMs);
    response.on('close', () => clearTimeout(timer));
  });
  server.keepAliveTimeout = 1000;
  return listen(server).then((port) => ({ server, port }));
}

function startProxy(endpoints) {
  let next = 0;
  const counts = { refused: 0, dropped: 0 };
  const server = http.createServer((request, response) => {
    request.resume();
    const port = endpoints[next++ % endpoints.length];
    const upstream = http.request(
      { host: HOST, port, path: request.url, method: 'GET', agent: false },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502);
        answer.pipe(response);
        answer.on('aborted', () => response.destroy());
      },
    );
    upstream.on('error', (error) => {
      if (error.code === 'ECONNREFUSED') counts.refused += 1;
      else counts.dropped += 1;
      if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    upstream.end();
  });
  return listen(server).then((port) => ({ server, port, counts }));
}

/** Sends RATE × SECONDS requests at a fixed rate; resolves when every one has an outcome. */
async function runClient(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
  const total = Math.round(RATE * SECONDS);
  const outcomes = [];
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    outcomes.push(
      new Promise((resolve) => {
        const request = http.get({ host: HOST, port, path: `/r${i}`, agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode === 200));
          response.on('error', () => resolve(false));
        });
        request.setTimeout(10_000, () => request.destroy());
        request.on('error', () => resolve(false));
      }),
    );
  }
  const results = await Promise.all(outcomes);
  agent.destroy();
  return { total, failed: results.filter((ok) => !ok).length };
}

async function runCase(spec) {
  const backends = await Promise.all([0, 1, 2].map(() => startBackend(scaled(LONGEST_REQUEST_S))));
  const endpoints = backends.map((backend) => backend.port);
  const proxy = await startProxy(endpoints);
  const victim = backends[0];
  const timers = [
    setTimeout(() => {
      // Pod deleted: the routers drop the endpoint later; the kubelet runs preStop now.
      timers.push(
        setTimeout(
          () => endpoints.splice(endpoints.indexOf(victim.port), 1),
          scaled(PROPAGATION_S),
        ),
        setTimeout(() => {
          // SIGTERM: the app stops listening and closes once its requests in flight are done.
          victim.server.close();
          victim.server.closeIdleConnections();
        }, scaled(spec.preStopS)),
        setTimeout(() => victim.server.closeAllConnections(), scaled(spec.graceS)),
      );
    }, DELETE_AT_MS),
  ];
  const { total, failed } = await runClient(proxy.port);
  timers.forEach(clearTimeout);
  proxy.server.close();
  proxy.server.closeAllConnections();
  for (const backend of backends) {
    backend.server.close();
    backend.server.closeAllConnections();
  }
  return { ...spec, total, failed, ...proxy.counts };
}

const rows = [];
for (const spec of CASES) rows.push(await runCase(spec));

console.log(
  `propagation ${PROPAGATION_S} s, longest request ${LONGEST_REQUEST_S} s, all times scaled 1/${SCALE}; ` +
    `${RATE} requests/s for ${SECONDS} s over 3 backends, one deleted at t = ${DELETE_AT_MS / 1000} s\n`,
);
console.log('| case | preStop (s) | grace (s) | requests | failed | refused | cut in flight |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.preStopS} | ${row.graceS} | ${row.total} | ${row.failed} | ${row.refused} | ${row.dropped} |`,
  );
}
console.log(
  `\ncommand: BENCH_RATE=${RATE} BENCH_SECONDS=${SECONDS} node bench/graceful-shutdown.mjs (Node.js ${process.version})`,
);
