/**
 * The one catalogue of user-facing text. Every error, finding, prompt and report line that a
 * user reads is an entry here, in English and Japanese, looked up by a stable message id.
 */
import type { Locale } from './locale.js';
import { APPLY_MESSAGES } from './messages/apply.js';
import { CEL_MESSAGES } from './messages/cel.js';
import { AUDIT_MESSAGES } from './messages/audit.js';
import { CLI_MESSAGES } from './messages/cli.js';
import { CONFIG_FORMAT_MESSAGES } from './messages/config-formats.js';
import { CONFIG_MESSAGES } from './messages/config.js';
import { CONFIG_DATA_STORE_MESSAGES } from './messages/config-data-stores.js';
import { CONFIG_TIMING_MESSAGES } from './messages/config-timing.js';
import { DRAIN_MESSAGES } from './messages/drain.js';
import { EVIDENCE_MESSAGES } from './messages/evidence.js';
import { FIELD_MESSAGES } from './messages/fields.js';
import { GUARD_MESSAGES } from './messages/guard.js';
import { IMAGES_MESSAGES } from './messages/images.js';
import { MESH_MESSAGES } from './messages/mesh.js';
import { NODES_MESSAGES } from './messages/nodes.js';
import { OPS_CONFIG_MESSAGES } from './messages/ops-config.js';
import { OPS_MESSAGES } from './messages/ops.js';
import { POLICY_DOCKERFILE_MESSAGES } from './messages/policy-dockerfile.js';
import { POLICY_MESSAGES } from './messages/policy.js';
import { REPORT_MESSAGES } from './messages/report.js';
import { SWITCH_APP_MESSAGES } from './messages/switch-app.js';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface MessageEntry {
  readonly en: (params: MessageParams) => string;
  readonly ja: (params: MessageParams) => string;
}

export type MessageTable = Readonly<Record<string, MessageEntry>>;

function mergeTables(...tables: MessageTable[]): MessageTable {
  const merged: Record<string, MessageEntry> = {};
  for (const table of tables) {
    for (const [id, entry] of Object.entries(table)) {
      if (id in merged) throw new Error(`duplicate message id in the catalogue: ${id}`);
      merged[id] = entry;
    }
  }
  return merged;
}

export const CATALOG: MessageTable = mergeTables(
  CONFIG_MESSAGES,
  CONFIG_FORMAT_MESSAGES,
  CONFIG_TIMING_MESSAGES,
  FIELD_MESSAGES,
  EVIDENCE_MESSAGES,
  GUARD_MESSAGES,
  CEL_MESSAGES,
  CLI_MESSAGES,
  APPLY_MESSAGES,
  DRAIN_MESSAGES,
  AUDIT_MESSAGES,
  REPORT_MESSAGES,
  OPS_CONFIG_MESSAGES,
  OPS_MESSAGES,
  SWITCH_APP_MESSAGES,
  POLICY_MESSAGES,
  POLICY_DOCKERFILE_MESSAGES,
  IMAGES_MESSAGES,
  NODES_MESSAGES,
  MESH_MESSAGES,
  CONFIG_DATA_STORE_MESSAGES,
);

/** Render message `id` in `locale`; an unknown id is a programming error and throws. */
export function t(id: string, params: MessageParams = {}, locale: Locale = 'en'): string {
  const entry = CATALOG[id];
  if (entry === undefined) throw new Error(`message id not in the catalogue: ${id}`);
  return entry[locale](params);
}

export function hasMessage(id: string): boolean {
  return id in CATALOG;
}
