import { z } from 'zod';
import { HttpUrl, Id, Instant, Slug, Version } from './primitives';
import { JourneyStage } from './vocabulary';

export const CONTENT_KINDS = ['article', 'case_study', 'whitepaper', 'ebook', 'webinar', 'video', 'datasheet', 'pricing', 'demo', 'other'] as const;

export const ContentItem = z.object({
  id: Id,
  title: z.string().trim().min(1, 'a title is required').max(200),
  url: HttpUrl,
  kind: z.enum(CONTENT_KINDS).default('article'),
  journeyStage: JourneyStage,
  topics: z.array(Slug).max(20).default([]),
  /** Job-title words this piece speaks to ("cfo", "marketing", "engineer"); empty means anyone. */
  personas: z.array(z.string().trim().toLowerCase().min(2).max(40)).max(20).default([]),
  /** How many won customers consumed it before buying (the closed loop's conversion assists). */
  assists: z.number().int().nonnegative().default(0),
  archived: z.boolean().default(false),
  updatedAt: Instant,
  version: Version.default(0),
});
export type ContentItem = z.infer<typeof ContentItem>;
export type ContentItemInput = z.input<typeof ContentItem>;
