/** JSON output of `kinko images`: every image with its digest, counts, findings and exceptions, for scripts. */
import type { Locale } from '../../i18n/locale.js';
import type { ImageGateResult } from '../gate.js';
import { closedText, countVerdicts, problemsOf } from './render.js';

/** Copies the exception with `repository` set to null when it names none, as it then covers every repository. */
function withRepository<T extends { readonly repository?: string | undefined }>(
  exception: T,
): T & { repository: string | null } {
  return { ...exception, repository: exception.repository ?? null };
}

export function formatImagesJson(result: ImageGateResult, locale: Locale): string {
  const { passed, failed } = countVerdicts(result);
  const images = result.images.map((image) => {
    const closed = closedText(image, locale);
    return {
      image: image.image,
      verdict: image.verdict,
      registryId: image.registryId ?? null,
      region: image.region ?? null,
      repository: image.repository ?? null,
      digest: image.digest ?? null,
      scanStatus: image.scanStatus ?? null,
      counts: image.counts,
      blocking: image.blocking,
      exceptionsApplied: image.exceptionsApplied.map(withRepository),
      exceptionsExpired: image.exceptionsExpired.map(withRepository),
      closed:
        image.closed === undefined || closed === undefined
          ? null
          : { reason: image.closed.reason, detail: image.closed.detail, ...closed },
      uses: image.uses,
    };
  });
  const report = {
    locale,
    failOn: result.failOn,
    files: result.files,
    objects: result.objects,
    passed,
    failed,
    images,
    unusedExceptions: result.unusedExceptions.map(withRepository),
    problems: problemsOf(result, locale),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
