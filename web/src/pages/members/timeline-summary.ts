/**
 * A short line from an entry's data: its scalar fields (`text: hello · source: import`), a tag by its name, and
 * without the actor id, which the audit log shows better.
 */
export const summarize = (data: Record<string, unknown>, tagNames: Map<string, string>): string =>
  Object.entries(data)
    .filter(([key, value]) => key !== 'actor' && ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) =>
      key === 'tagId' && tagNames.has(String(value))
        ? `tag: ${tagNames.get(String(value))}`
        : `${key}: ${String(value)}`,
    )
    .join(' · ');
