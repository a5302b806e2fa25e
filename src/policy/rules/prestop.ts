/** How R6 rules read a container's preStop sleep. */
import { arrayAt, recordAt } from '../resource.js';
import type { ContainerEntry, PodTemplate } from '../workload.js';
import { containersOf } from '../workload.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds of a `sleep` argument: an integer with an optional s, m, h or d suffix, as coreutils takes. */
function sleepArgumentSeconds(argument: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(argument.trim());
  if (match === null) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 1);
}

/**
 * Seconds the container's preStop hook sleeps: the kubelet's `sleep` action, or an exec command
 * that runs `sleep N` directly or as the first sleep of a shell script. Undefined when the hook
 * does not sleep or the duration is not a whole number.
 */
export function preStopSleepSeconds(container: ContainerEntry): number | undefined {
  const preStop = recordAt(recordAt(container.body, 'lifecycle'), 'preStop');
  const sleepSeconds = recordAt(preStop, 'sleep')?.['seconds'];
  if (typeof sleepSeconds === 'number' && Number.isInteger(sleepSeconds)) return sleepSeconds;

  const command = arrayAt(recordAt(preStop, 'exec'), 'command').filter(
    (part): part is string => typeof part === 'string',
  );
  const program = command[0]?.split('/').pop();
  if (program === 'sleep' && command[1] !== undefined) return sleepArgumentSeconds(command[1]);
  if (program !== undefined && ['sh', 'bash', 'ash', 'dash'].includes(program)) {
    const script = command[command.indexOf('-c') + 1];
    if (command.includes('-c') && script !== undefined) {
      const match = /(?:^|[\s;&|(])sleep\s+(\d+[smhd]?)(?=$|[\s;&|)])/.exec(script);
      if (match?.[1] !== undefined) return sleepArgumentSeconds(match[1]);
    }
  }
  return undefined;
}

/**
 * Containers that receive traffic through endpoints: the regular containers that declare a
 * port, or every regular container when none does.
 */
export function servingContainers(pod: PodTemplate): ContainerEntry[] {
  const regular = containersOf(pod).filter((container) => container.kind === 'containers');
  const withPorts = regular.filter((container) => arrayAt(container.body, 'ports').length > 0);
  return withPorts.length > 0 ? withPorts : regular;
}
