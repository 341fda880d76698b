import { clip } from './words';

/** The digest's words from the alerts it stands for, oldest first: "4 alerts · Dana Reyes, Sam Lee and 2 more". */
export function digestWords(parts: readonly { contactId: string; title: string; who: string }[]): { title: string; body: string; contactIds: string[] } {
  const contactIds = [...new Set(parts.map((p) => p.contactId))];
  const names = [...new Set(parts.map((p) => p.who))];
  const named = names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  return {
    title: clip(`${parts.length} alerts · ${named}`, 200),
    body: clip(parts.map((p) => p.title).join(' · '), 500),
    contactIds: contactIds.slice(0, 100),
  };
}
