/** Messages of the platform.yaml checks of the systems' EFS file systems and Aurora clusters. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const CONFIG_DATA_STORE_MESSAGES: MessageTable = {
  'config.format.auroraEngineVersion': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not an Aurora engine version.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は Aurora のエンジンバージョンではありません。`,
  },
  'config.format.auroraEngineVersion.fix': {
    en: () =>
      'write the full version as RDS lists it, for example 17.7 for PostgreSQL or 8.0.mysql_aurora.3.08.0 for MySQL.',
    ja: () =>
      'RDS の一覧にある完全なバージョンを書いてください（例: PostgreSQL は 17.7、MySQL は 8.0.mysql_aurora.3.08.0）。',
  },
  'config.format.dbInstanceClass': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not a DB instance class.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は DB インスタンスクラスではありません。`,
  },
  'config.format.dbInstanceClass.fix': {
    en: () => 'write a class that Aurora offers, for example db.r7g.large.',
    ja: () => 'db.r7g.large など、Aurora が提供するクラスを指定してください。',
  },
  'config.database.engineVersion': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not a version of ${s(p.engine)}.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は ${s(p.engine)} のバージョンではありません。`,
  },
  'config.database.engineVersion.fix': {
    en: (p) =>
      `pin a version of ${s(p.engine)}, for example ${s(p.example)}; aurora-mysql takes version 3 (MySQL 8.0) only.`,
    ja: (p) =>
      `${s(p.engine)} のバージョンを ${s(p.example)} のように固定してください。aurora-mysql はバージョン 3（MySQL 8.0 互換）のみ指定できます。`,
  },
  'config.database.drInstancesWithoutDr': {
    en: (p) =>
      `${s(p.path)}: DR instances are set, but regions.dr is not declared, so there is no secondary cluster to put them in.`,
    ja: (p) =>
      `${s(p.path)}: DR のインスタンス数が指定されていますが、regions.dr が宣言されていないため、配置先のセカンダリクラスターがありません。`,
  },
  'config.database.drInstancesWithoutDr.fix': {
    en: () => 'declare regions.dr, or remove drInstances.',
    ja: () => 'regions.dr を宣言するか、drInstances を削除してください。',
  },
  'config.format.efsFileSystemId': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not an EFS file system id.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は EFS ファイルシステムの ID ではありません。`,
  },
  'config.format.efsFileSystemId.fix': {
    en: () =>
      'copy the FileSystemId output of the systems stack, for example fs-0123456789abcdef0.',
    ja: () =>
      'systems スタックの出力 FileSystemId をコピーしてください（例: fs-0123456789abcdef0）。',
  },
  'config.format.efsAccessPointId': {
    en: (p) => `${s(p.path)}: ${s(p.value)} is not an EFS access point id.`,
    ja: (p) => `${s(p.path)}: ${s(p.value)} は EFS アクセスポイントの ID ではありません。`,
  },
  'config.format.efsAccessPointId.fix': {
    en: () =>
      'copy the AccessPointId output of the systems stack, for example fsap-0123456789abcdef0.',
    ja: () =>
      'systems スタックの出力 AccessPointId をコピーしてください（例: fsap-0123456789abcdef0）。',
  },
  'config.efs.idsIncomplete': {
    en: (p) =>
      `${s(p.path)}: only one of fileSystemId and accessPointId is set, and the apps mount the file system through both.`,
    ja: (p) =>
      `${s(p.path)}: fileSystemId と accessPointId の片方だけが指定されています。アプリは両方を使ってファイルシステムをマウントします。`,
  },
  'config.efs.idsIncomplete.fix': {
    en: () => 'set both from the outputs of the systems stack, or remove both.',
    ja: () => 'systems スタックの出力から両方を指定するか、両方を削除してください。',
  },
  'config.efs.mountPathConflict': {
    en: (p) =>
      `${s(p.path)}: the EFS mount path ${s(p.value)} overlaps the shared files mounted at ${s(p.sharedFiles)}.`,
    ja: (p) =>
      `${s(p.path)}: EFS のマウント先 ${s(p.value)} が、${s(p.sharedFiles)} にマウントする共有ファイルと重なっています。`,
  },
  'config.efs.mountPathConflict.fix': {
    en: () => 'give EFS a folder of its own, for example /mnt/efs.',
    ja: () => '/mnt/efs など、EFS 専用のフォルダーを指定してください。',
  },
};
