import type { ContentDraft, ContentReplacement } from '../../../lib/core/model/admin-requests';
import type { CONTENT_KINDS, ContentItem } from '../../../lib/core/model/content';
import type { JourneyStage } from '../../../lib/core/model/vocabulary';

/** The editor's fields as typed: personas and topics as one comma-separated line each. */
export interface ContentForm {
  title: string;
  url: string;
  kind: (typeof CONTENT_KINDS)[number];
  journeyStage: JourneyStage;
  personas: string;
  topics: string;
}

export const EMPTY_CONTENT_FORM: ContentForm = { title: '', url: '', kind: 'article', journeyStage: 'awareness', personas: '', topics: '' };

export function formOf(item: ContentItem): ContentForm {
  return { title: item.title, url: item.url, kind: item.kind, journeyStage: item.journeyStage, personas: item.personas.join(', '), topics: item.topics.join(', ') };
}

/** "cfo, vp sales," → ["cfo", "vp sales"]: the server checks each word (and says which one it refuses). */
export function listOf(line: string): string[] {
  return line
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/** What POST /v1/content gets: the server validates it and answers with its own words when it refuses. */
export function draftOf(form: ContentForm): ContentDraft {
  return { title: form.title, url: form.url, kind: form.kind, journeyStage: form.journeyStage, personas: listOf(form.personas), topics: listOf(form.topics), archived: false };
}

/** PUT /v1/content/:id replaces every field: an edit keeps the item's archived flag, archiving keeps the rest. */
export function replacementOf(item: ContentItem, changes: Partial<ContentReplacement>): ContentReplacement {
  const { id: _id, assists: _assists, updatedAt: _updatedAt, ...fields } = item;
  return { ...fields, ...changes, version: item.version };
}
