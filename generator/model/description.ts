/** A Postman description (a string, or the SDK's `{content, type}`) as text; undefined when empty. */
export function descriptionText(description: unknown): string | undefined {
  if (description === undefined || description === null) return undefined;
  const text =
    typeof description === 'string' ? description : String((description as { content?: unknown }).content ?? '');
  return text.trim() === '' ? undefined : text;
}
