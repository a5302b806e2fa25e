/** Texts of `kinko guard export-policies`, the ValidatingAdmissionPolicy export. */
import type { MessageTable } from '../catalog.js';

export const CEL_MESSAGES: MessageTable = {
  'cli.guard.exportPolicies.description': {
    en: () =>
      'Print the rules that fit in CEL as ValidatingAdmissionPolicies and bindings (YAML): errors deny, warnings warn',
    ja: () =>
      'CEL で書けるルールを ValidatingAdmissionPolicy とそのバインディングとして YAML で出力します。エラーのルールは拒否し、警告のルールは警告を返します',
  },
};
