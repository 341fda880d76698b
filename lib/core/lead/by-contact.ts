/** Rows grouped by the contact they belong to, each group in the rows' order: one pass, for any row with a contactId. */
export function groupByContact<T extends { readonly contactId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.contactId);
    if (group) group.push(row);
    else groups.set(row.contactId, [row]);
  }
  return groups;
}
