/** Render a binding's subjects as `Kind:namespace/name` for an alert field. */
export function subjectList(subjects: readonly Record<string, unknown>[] | undefined): string {
  return (subjects ?? [])
    .map((subject) => {
      const namespace = typeof subject.namespace === 'string' ? `${subject.namespace}/` : '';
      return `${String(subject.kind)}:${namespace}${String(subject.name)}`;
    })
    .join(',');
}
