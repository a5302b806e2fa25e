/** Texts of `kinko guard export-policies`, the ValidatingAdmissionPolicy export. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const CEL_MESSAGES: MessageTable = {
  'cli.guard.exportPolicies.description': {
    en: () =>
      'Print the rules that fit in CEL as ValidatingAdmissionPolicies and bindings (YAML): errors deny, warnings warn',
    ja: () =>
      'CEL で書けるルールを ValidatingAdmissionPolicy とそのバインディングとして YAML で出力します。エラーのルールは拒否し、警告のルールは警告を返します',
  },
  'cel.ruleNotMet': {
    en: (p) => `${s(p.title)}: not met. kinko check names the cause.`,
    ja: (p) => `${s(p.title)}: 満たしていません。原因は kinko check で確認できます。`,
  },
  'cel.ruleNotMetBy': {
    en: (p) => `${s(p.title)}: not met by ${s(p.container)}. kinko check names the cause.`,
    ja: (p) =>
      `${s(p.title)}: ${s(p.container)} が満たしていません。原因は kinko check で確認できます。`,
  },
};
