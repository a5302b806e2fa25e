// Start the test bed by hand for debugging, print how to reach it, and keep it running until
// Ctrl-C. Usage (after `npm run build`):
//   node dist/test/support/testbed/cli.js [--scheduler] [--controller-manager] [--kwok-nodes N] [--moto] [--no-crds]
import { parseArgs } from 'node:util';

import { startTestbed } from './index.js';

const { values } = parseArgs({
  options: {
    scheduler: { type: 'boolean', default: false },
    'controller-manager': { type: 'boolean', default: false },
    'kwok-nodes': { type: 'string', default: '0' },
    moto: { type: 'boolean', default: false },
    'no-crds': { type: 'boolean', default: false },
  },
});

const kwokNodes = Number(values['kwok-nodes']);
const started = Date.now();
const testbed = await startTestbed({
  scheduler: values.scheduler,
  controllerManager: values['controller-manager'],
  kwokNodes,
  moto: values.moto,
  crds: !values['no-crds'],
});

process.stdout.write(
  [
    `testbed: up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  export KUBECONFIG=${testbed.kubeconfigPath}`,
    `  server:     ${testbed.server}`,
    `  audit log:  ${testbed.auditLogPath}`,
    ...(testbed.awsEndpoint === undefined
      ? []
      : [
          `  moto:       ${testbed.awsEndpoint} (AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing)`,
        ]),
    ...testbed.components.map(
      (component) =>
        `  ${component.name.padEnd(24)} pid ${component.pid}, log ${component.logPath}`,
    ),
    'Press Ctrl-C to stop it and remove its state folder (set KINKO_TESTBED_KEEP=1 to keep the folder).',
    '',
  ].join('\n'),
);

// The harness's SIGINT handler kills every component and exits. This timer only keeps the process alive.
setInterval(() => undefined, 60_000);
