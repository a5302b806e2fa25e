import { TACTICS, type Detection } from '../detection.js';

/** A request from an address in one of the ranges listed in `audit.watchedSourceRanges`. */
export const watchedSource: Detection = {
  id: 'watched-source',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.initialAccess,
  condition: (event, context) => {
    const watched = event.sourceIPs.filter((ip) => context.watchedSourceRanges.contains(ip));
    return watched.length > 0 ? { watchedIPs: watched.join(',') } : undefined;
  },
};
