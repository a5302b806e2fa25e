/** Texts of the Dockerfile rules (S1 in the image) and of reading Dockerfiles in `kinko check`. */
import type { MessageTable } from '../catalog.js';

const s = (value: string | number | undefined): string => String(value ?? '');

export const POLICY_DOCKERFILE_MESSAGES: MessageTable = {
  'cli.check.option.dockerfile': {
    en: () => 'a file to check as a Dockerfile whatever its name, repeatable',
    ja: () => '名前にかかわらず Dockerfile として検査するファイル（複数指定可）',
  },
  'check.input.dockerfileNoFrom': {
    en: (p) => `${s(p.file)}: not a Dockerfile: it has no FROM instruction.`,
    ja: (p) => `${s(p.file)}: FROM 命令がないため、Dockerfile として読めません。`,
  },
  'policy.dockerfile-sets-user.title': {
    en: () => "The image's final stage sets a USER",
    ja: () => 'イメージの最終ステージで USER を指定する',
  },
  'policy.dockerfile-sets-user.message': {
    en: (p) =>
      `the final stage (FROM ${s(p.image)}) has no USER instruction, so the container runs as the base image's user, often root.`,
    ja: (p) =>
      `最終ステージ（FROM ${s(p.image)}）に USER 命令がありません。コンテナはベースイメージのユーザー（多くは root）で動きます。`,
  },
  'policy.dockerfile-sets-user.fix': {
    en: () =>
      'create a user and switch to it by UID in the final stage, for example RUN useradd -u 1000 app and USER 1000:1000.',
    ja: () =>
      '最終ステージでユーザーを作り、UID で切り替えてください（例: RUN useradd -u 1000 app と USER 1000:1000）。',
  },
  'policy.dockerfile-non-root-user.title': {
    en: () => "The image's final USER is not root",
    ja: () => 'イメージの最終的な USER を root にしない',
  },
  'policy.dockerfile-non-root-user.message': {
    en: (p) => `the final stage runs as root: USER ${s(p.user)}.`,
    ja: (p) => `最終ステージが root で動きます（USER ${s(p.user)}）。`,
  },
  'policy.dockerfile-non-root-user.fix': {
    en: () =>
      'end the final stage with a non-root numeric USER such as USER 1000:1000; switch to root only in build stages or before the last USER.',
    ja: () =>
      '最終ステージの最後を USER 1000:1000 のような root 以外の数値のユーザーにしてください。root が必要な処理はビルドステージか、最後の USER より前に置きます。',
  },
  'policy.dockerfile-numeric-user.title': {
    en: () => "The image's final USER is a numeric UID",
    ja: () => 'イメージの最終的な USER は数値の UID で指定する',
  },
  'policy.dockerfile-numeric-user.message': {
    en: (p) =>
      `the final stage sets USER ${s(p.user)} by name; with runAsNonRoot: true and no runAsUser, the kubelet cannot verify a user name and refuses to start the container.`,
    ja: (p) =>
      `最終ステージの USER ${s(p.user)} が名前で指定されています。runAsNonRoot: true で runAsUser がない場合、kubelet はユーザー名を検証できず、コンテナを起動しません。`,
  },
  'policy.dockerfile-numeric-user.fix': {
    en: () => 'give the user by UID and GID, for example USER 1000 or USER 1000:1000.',
    ja: () => 'ユーザーを UID と GID で指定してください（例: USER 1000 や USER 1000:1000）。',
  },
  'policy.dockerfile-user-verifiable.title': {
    en: () => "The image's final USER can be verified",
    ja: () => 'イメージの最終的な USER を検証できる形で書く',
  },
  'policy.dockerfile-user-verifiable.message': {
    en: (p) =>
      `the final stage sets USER ${s(p.user)} from a variable, so Kinko cannot verify that it is numeric and not root.`,
    ja: (p) =>
      `最終ステージの USER ${s(p.user)} は変数を使っているため、数値で root 以外かどうかを Kinko は検証できません。`,
  },
  'policy.dockerfile-user-verifiable.fix': {
    en: () =>
      'write the UID literally, for example USER 1000:1000, or suppress this rule with a # kinko-suppress comment that states the value the build passes.',
    ja: () =>
      'UID をそのまま書いてください（例: USER 1000:1000）。変数のままにする場合は、ビルドで渡す値を理由に書いた # kinko-suppress コメントでこのルールを抑制します。',
  },
  'policy.dockerfile-suppression-reason.title': {
    en: () => 'Dockerfile suppressions name a rule, give a reason and precede an instruction',
    ja: () => 'Dockerfile の抑制コメントにはルールと理由を書き、命令の直前に置く',
  },
  'policy.dockerfile-suppression-reason.message': {
    en: (p) =>
      `comment ${s(p.comment)} suppresses rule ${s(p.rule)} without a reason, so it is not applied.`,
    ja: (p) =>
      `コメント ${s(p.comment)} がルール ${s(p.rule)} を理由なしで抑制しているため、抑制を適用していません。`,
  },
  'policy.dockerfile-suppression-reason.message.unknownRule': {
    en: (p) => `comment ${s(p.comment)} names no Kinko rule: ${s(p.rule)}.`,
    ja: (p) => `コメント ${s(p.comment)} のルール ${s(p.rule)} は Kinko にありません。`,
  },
  'policy.dockerfile-suppression-reason.message.detached': {
    en: (p) =>
      `comment ${s(p.comment)} is not directly above an instruction, so it suppresses nothing.`,
    ja: (p) => `コメント ${s(p.comment)} が命令の直前にないため、何も抑制していません。`,
  },
  'policy.dockerfile-suppression-reason.fix': {
    en: () =>
      'put the comment on the line right above the instruction with the reason after a colon, for example # kinko-suppress dockerfile-non-root-user: installs kernel modules, reviewed by the platform team, and check the rule id against kinko check --list-rules.',
    ja: () =>
      '命令のすぐ上の行に、コロンの後に理由を付けて書いてください（例: # kinko-suppress dockerfile-non-root-user: カーネルモジュールを導入するため。基盤チームがレビュー済み）。ルール ID は kinko check --list-rules で確認できます。',
  },
};
