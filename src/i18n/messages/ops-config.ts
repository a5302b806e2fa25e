/** Messages of the platform.yaml checks of the edge ALB and the DR site. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const OPS_CONFIG_MESSAGES: MessageTable = {
  'config.edge.missing': {
    en: (p) =>
      `${s(p.path)}: ${s(p.count)} clusters are declared, but no edge ALB switches users between them.`,
    ja: (p) =>
      `${s(p.path)}: クラスターが ${s(p.count)} つ宣言されていますが、利用者を切り替える edge の ALB がありません。`,
  },
  'config.edge.missing.fix': {
    en: () => 'add edge.certificateArn (an ACM certificate covering every system host).',
    ja: () =>
      'edge.certificateArn（すべてのシステムのホスト名を含む ACM 証明書）を追加してください。',
  },
  'config.edge.liveWithoutEdge': {
    en: (p) => `${s(p.path)}: a live cluster is set, but no edge ALB is declared.`,
    ja: (p) =>
      `${s(p.path)}: 稼働クラスターが指定されていますが、edge の ALB が宣言されていません。`,
  },
  'config.edge.liveWithoutEdge.fix': {
    en: () => 'declare edge, or remove liveCluster.',
    ja: () => 'edge を宣言するか、liveCluster を削除してください。',
  },
  'config.edge.unknownCluster': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not a declared cluster key.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は宣言されたクラスターのキーではありません。`,
  },
  'config.edge.unknownCluster.fix': {
    en: (p) => `use one of: ${s(p.clusters)}.`,
    ja: (p) => `次のいずれかを指定してください: ${s(p.clusters)}`,
  },
  'config.edge.certificateRegion': {
    en: (p) =>
      `${s(p.path)}: the certificate is not in ${s(p.region)}, the region of its load balancer.`,
    ja: (p) => `${s(p.path)}: 証明書が、ロードバランサーのリージョン ${s(p.region)} にありません。`,
  },
  'config.edge.certificateRegion.fix': {
    en: (p) =>
      `request or import the certificate in ACM in ${s(p.region)}; an ALB uses certificates of its own region only.`,
    ja: (p) =>
      `${s(p.region)} の ACM で証明書を発行またはインポートしてください。ALB は同じリージョンの証明書しか使えません。`,
  },
  'config.edge.drCertificateMissing': {
    en: (p) =>
      `${s(p.path)}: regions.dr is ${s(p.region)}, but edge.drCertificateArn is missing, so the DR region would have no ALB to fail over to.`,
    ja: (p) =>
      `${s(p.path)}: regions.dr に ${s(p.region)} がありますが edge.drCertificateArn がないため、DR リージョンにフェイルオーバー先の ALB を作れません。`,
  },
  'config.edge.drCertificateMissing.fix': {
    en: (p) => `add edge.drCertificateArn: an ACM certificate in ${s(p.region)}.`,
    ja: (p) => `edge.drCertificateArn に ${s(p.region)} の ACM 証明書を指定してください。`,
  },
  'config.edge.drCertificateWithoutDr': {
    en: (p) => `${s(p.path)}: a DR certificate is set, but regions.dr is not declared.`,
    ja: (p) => `${s(p.path)}: DR 用の証明書が指定されていますが、regions.dr が宣言されていません。`,
  },
  'config.edge.drCertificateWithoutDr.fix': {
    en: () => 'declare regions.dr, or remove edge.drCertificateArn.',
    ja: () => 'regions.dr を宣言するか、edge.drCertificateArn を削除してください。',
  },
  'config.edge.reservedHeader': {
    en: (p) => `${s(p.path)}: ${s(p.value)} cannot carry a smoke-test marker.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} はスモークテストの目印に使えません。`,
  },
  'config.edge.reservedHeader.fix': {
    en: () => 'use a header of your own, such as x-kinko-smoke.',
    ja: () => 'x-kinko-smoke のような独自のヘッダーを指定してください。',
  },
  'config.edge.hostOutsideZone': {
    en: (p) =>
      `${s(p.path)}: ${s(p.value)} is outside the hosted zone ${s(p.zone)}, so its failover records cannot go there.`,
    ja: (p) =>
      `${s(p.path)}: ${s(p.value)} はホストゾーン ${s(p.zone)} の外にあるため、フェイルオーバーレコードを作成できません。`,
  },
  'config.edge.hostOutsideZone.fix': {
    en: () => 'use a host inside edge.hostedZone.name, or declare the zone that contains it.',
    ja: () =>
      'edge.hostedZone.name 配下のホスト名にするか、そのホストを含むホストゾーンを宣言してください。',
  },
};
