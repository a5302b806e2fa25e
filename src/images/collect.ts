/**
 * Collects the container images that manifests reference, with every place each one is used:
 * all workload kinds `kinko check` reads, and regular, init and ephemeral containers.
 */
import { readManifestInputs } from '../policy/input/read.js';
import type { InputProblem } from '../policy/input/parse.js';
import { describeResource, type KubeResource } from '../policy/resource.js';
import type { ReportLocation } from '../policy/report/report.js';
import { containersOf, describeContainer, podTemplateOf } from '../policy/workload.js';

export interface ImageUse {
  /** `Kind namespace/name`. */
  readonly object: string;
  /** `containers[0] "web"`. */
  readonly container: string;
  /** The container's `image` field in its file, when the object was read from one. */
  readonly location?: ReportLocation;
}

export interface ReferencedImage {
  /** The reference as the manifest writes it. */
  readonly image: string;
  readonly uses: readonly ImageUse[];
}

export interface CollectedImages {
  /** Each distinct reference once, in the order objects and then their containers are read. */
  readonly images: readonly ReferencedImage[];
  readonly files: readonly string[];
  readonly objects: number;
  readonly problems: readonly InputProblem[];
}

/** Collect every image of the resources, keyed by its reference; a container without an image is skipped. */
export function imagesOfResources(resources: readonly KubeResource[]): ReferencedImage[] {
  const byImage = new Map<string, ImageUse[]>();
  for (const resource of resources) {
    const pod = podTemplateOf(resource);
    if (pod === undefined) continue;
    for (const container of containersOf(pod)) {
      const image = container.body['image'];
      if (typeof image !== 'string' || image.trim() === '') continue;

      const imagePath = [...container.path, 'image'];
      const position = resource.source?.locate(imagePath);
      const use: ImageUse = {
        object: describeResource(resource),
        container: describeContainer(container),
        ...(resource.source !== undefined && position !== undefined
          ? {
              location: {
                file: resource.source.file,
                line: position.line,
                column: position.column,
              },
            }
          : {}),
      };
      const key = image.trim();
      const uses = byImage.get(key) ?? [];
      uses.push(use);
      byImage.set(key, uses);
    }
  }
  return [...byImage].map(([image, uses]) => ({ image, uses }));
}

/** Read files, folders or `-` (standard input) as `kinko check` does, and collect their images. */
export function collectImages(paths: readonly string[], readStdin?: () => string): CollectedImages {
  const input = readManifestInputs(paths, readStdin);
  return {
    images: imagesOfResources(input.resources),
    files: input.files,
    objects: input.resources.length,
    problems: input.problems,
  };
}
