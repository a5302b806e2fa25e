/**
 * S5: no PeerAuthentication in a business system's namespace loosens mTLS. Mode PERMISSIVE lets
 * ztunnel accept plaintext next to mTLS, and DISABLE turns mTLS off (ambient mode ignores
 * DISABLE, but a manifest that asks for it states an intent this platform rejects). The same
 * holds for every port of `portLevelMtls`, which overrides the mode on that port. UNSET inherits
 * from the namespace or the mesh, which `namespace-mtls-strict` checks.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { namespaceOf } from '../resource.js';
import { isPeerAuthentication, isSystemNamespace, mtlsModeOf, portModesOf } from './mesh.js';

const LOOSE_MODES = new Set(['PERMISSIVE', 'DISABLE']);

export const mtlsStrict: RuleUnit = {
  id: 'mtls-strict',
  scope: 'object',
  variants: ['port'],
  check: (resource, { settings }) => {
    if (!isPeerAuthentication(resource)) return NOT_APPLICABLE;
    const namespace = namespaceOf(resource);
    if (!isSystemNamespace(settings, namespace)) return NOT_APPLICABLE;
    const violations: Violation[] = [];

    const mode = mtlsModeOf(resource);
    if (mode !== undefined && LOOSE_MODES.has(mode)) {
      violations.push({ params: { namespace, mode }, path: ['spec', 'mtls', 'mode'] });
    }
    for (const [port, portMode] of portModesOf(resource)) {
      if (!LOOSE_MODES.has(portMode)) continue;
      violations.push({
        params: { namespace, mode: portMode, port },
        path: ['spec', 'portLevelMtls', port, 'mode'],
        variant: 'port',
      });
    }
    return outcomeOf(violations);
  },
};
