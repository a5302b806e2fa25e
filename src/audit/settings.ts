/**
 * Builds what the detector reads from the resolved platform: the systems, the watched address
 * ranges, the burst threshold and the exceptions. Without a platform.yaml the defaults apply and
 * no system is known, so the cross-system detections stay silent.
 */
import { KinkoError, type Problem } from '../errors.js';
import type { ResolvedAudit, ResolvedPlatform } from '../model/platform.js';
import { DeniedBurstTracker } from './denied-burst.js';
import type { DetectionContext } from './detection.js';
import { DETECTION_IDS } from './detections/index.js';
import { AuditException } from './exceptions.js';
import { SourceRanges } from './source-ranges.js';

export const AUDIT_CONFIG_INVALID = 'KINKO_AUDIT_CONFIG_INVALID';

/** The `audit:` defaults, the same as the schema's. */
export const DEFAULT_AUDIT_SETTINGS: ResolvedAudit = {
  watchedSourceRanges: [],
  deniedBurst: { threshold: 10, windowSeconds: 60 },
  repeatWindowSeconds: 300,
  exceptions: [],
};

export interface DetectorSettings {
  readonly context: DetectionContext;
  readonly exceptions: readonly AuditException[];
  readonly repeatWindowSeconds: number;
}

export function detectorSettings(platform: ResolvedPlatform | undefined): DetectorSettings {
  const audit = platform?.audit ?? DEFAULT_AUDIT_SETTINGS;

  const problems: Problem[] = [];
  audit.exceptions.forEach((exception, index) => {
    if (!DETECTION_IDS.includes(exception.detection)) {
      problems.push({
        messageId: 'audit.config.unknownDetection',
        params: {
          path: `audit.exceptions[${index}].detection`,
          value: exception.detection,
          known: DETECTION_IDS.join(', '),
        },
      });
    }
  });
  if (problems.length > 0) {
    throw new KinkoError(
      AUDIT_CONFIG_INVALID,
      'user',
      { messageId: 'audit.config.invalid', params: { count: problems.length } },
      problems,
    );
  }

  return {
    context: {
      systems: (platform?.systems ?? []).map((system) => ({
        name: system.name,
        namespace: system.namespace,
        adminGroup: system.adminGroup,
      })),
      watchedSourceRanges: new SourceRanges(audit.watchedSourceRanges),
      deniedBursts: new DeniedBurstTracker(audit.deniedBurst),
    },
    exceptions: audit.exceptions.map((exception) => new AuditException(exception)),
    repeatWindowSeconds: audit.repeatWindowSeconds,
  };
}
