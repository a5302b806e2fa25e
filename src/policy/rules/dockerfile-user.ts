/**
 * S1 in the image: the final stage of a Dockerfile runs as a numeric, non-root user. Earlier
 * build stages are not judged, but a final stage built from one of them inherits its USER. Pod
 * Security's runAsNonRoot can verify only a numeric UID, so a user name fails at pod start
 * unless the manifest sets runAsUser. A variable cannot be verified from the file at all.
 */
import { instructionPath, type Dockerfile } from '../dockerfile/resource.js';
import { dockerfileRule } from '../dockerfile/rule.js';
import { classifyUser, effectiveUser, userValue, type UserKind } from '../dockerfile/stages.js';
import type { Violation } from '../rule.js';

/** A violation when the final stage's user is of `kind`. */
function userOfKind(dockerfile: Dockerfile, kind: UserKind): Violation[] {
  const user = effectiveUser(dockerfile.stages, dockerfile.stages.length - 1);
  if (user === undefined) return [];
  const value = userValue(user);
  if (classifyUser(value) !== kind) return [];
  return [{ params: { user: value }, path: instructionPath(user.index) }];
}

export const dockerfileSetsUser = dockerfileRule({
  id: 'dockerfile-sets-user',
  check: (dockerfile) => {
    const final = dockerfile.stages[dockerfile.stages.length - 1];
    if (final === undefined) return [];
    if (effectiveUser(dockerfile.stages, dockerfile.stages.length - 1) !== undefined) return [];
    return [{ params: { image: final.base }, path: instructionPath(final.from.index) }];
  },
});

export const dockerfileNonRootUser = dockerfileRule({
  id: 'dockerfile-non-root-user',
  check: (dockerfile) => userOfKind(dockerfile, 'root'),
});

export const dockerfileNumericUser = dockerfileRule({
  id: 'dockerfile-numeric-user',
  check: (dockerfile) => userOfKind(dockerfile, 'name'),
});

export const dockerfileUserVerifiable = dockerfileRule({
  id: 'dockerfile-user-verifiable',
  check: (dockerfile) => userOfKind(dockerfile, 'variable'),
});
