import type { Activity } from '../../lib/core/model/activity';
import type { Alert } from '../../lib/core/model/alerts';
import type { Attempt } from '../../lib/core/model/attempt';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentItem } from '../../lib/core/model/content';
import type { Question, QuestionAnswer } from '../../lib/core/model/questions';
import type { StageChange } from '../../lib/core/model/stage-history';
import type { activities, alerts, attempts, contacts, content, questionAnswers, questions, stageChanges } from './schema';

// Database rows and their lib/core model: the one place that names the row types and knows both shapes.

export type ContactRow = typeof contacts.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export type ContentRow = typeof content.$inferSelect;
export type StageChangeRow = typeof stageChanges.$inferSelect;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

export function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    title: r.title,
    company: r.company,
    seniority: r.seniority as Contact['seniority'],
    country: r.country,
    companySize: r.companySize,
    industry: r.industry,
    businessModel: r.businessModel as Contact['businessModel'],
    phone: r.phone,
    stage: r.stage as Contact['stage'],
    stageReason: r.stageReason,
    stageReasonCode: r.stageReasonCode,
    dealValue: r.dealValue,
    leadType: r.leadType,
    source: r.source,
    ownerId: r.ownerId,
    assignedAt: isoOrNull(r.assignedAt),
    pauses: r.pauses,
    optedOut: r.optedOut,
    openTrackingConsent: r.openTrackingConsent,
    openTrackingConsentAt: isoOrNull(r.openTrackingConsentAt),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    version: r.version,
  };
}

export function toActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    contactId: r.contactId,
    type: r.type as Activity['type'],
    at: iso(r.at),
    url: r.url,
    title: r.title,
    contentId: r.contentId,
    emailId: r.emailId,
    outOfOffice: r.outOfOffice,
    trust: { label: r.trustLabel as Activity['trust']['label'], reason: r.trustReason },
    version: r.version,
  };
}

export function toAttempt(r: AttemptRow): Attempt {
  return {
    id: r.id,
    contactId: r.contactId,
    userId: r.userId,
    channel: r.channel as Attempt['channel'],
    outcome: r.outcome as Attempt['outcome'],
    note: r.note,
    contentIds: r.contentIds,
    at: iso(r.at),
    undoneAt: isoOrNull(r.undoneAt),
    version: r.version,
  };
}

export function toContentItem(r: ContentRow): ContentItem {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    kind: r.kind as ContentItem['kind'],
    journeyStage: r.journeyStage as ContentItem['journeyStage'],
    topics: r.topics,
    personas: r.personas,
    assists: r.assists,
    archived: r.archived,
    updatedAt: iso(r.updatedAt),
    version: r.version,
  };
}

export type QuestionRow = typeof questions.$inferSelect;
export type QuestionAnswerRow = typeof questionAnswers.$inferSelect;

export function toQuestion(r: QuestionRow): Question {
  return {
    id: r.id,
    contactId: r.contactId,
    userId: r.userId,
    text: r.text,
    key: r.groupKey,
    stage: r.stage as Question['stage'],
    at: iso(r.at),
    version: r.version,
  };
}

export function toQuestionAnswer(r: QuestionAnswerRow): QuestionAnswer {
  return { key: r.groupKey, contentId: r.contentId, linkedBy: r.linkedBy, linkedAt: iso(r.linkedAt), version: r.version };
}
/** A stage change with its actor's display name (null for a rule, an import, the system, or a user since removed). */
export function toStageChange(r: StageChangeRow, actorName: string | null): StageChange {
  return {
    id: r.id,
    contactId: r.contactId,
    from: r.fromStage as StageChange['from'],
    to: r.toStage as StageChange['to'],
    at: iso(r.at),
    actor: { kind: r.actorKind as StageChange['actor']['kind'], userId: r.actorId, name: actorName, rule: r.rule },
    reason: r.reason,
    reasonCode: r.reasonCode,
    outcome: r.outcome as StageChange['outcome'],
    dealValue: r.dealValue,
    mutationId: r.mutationId,
    undoes: r.undoes,
    reconstructed: r.reconstructed,
    version: r.version,
  };
}

export type AlertRow = typeof alerts.$inferSelect;

/** A stored alert as every channel carries it. */
export function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    userId: r.userId,
    contactId: r.contactId,
    rule: r.rule as Alert['rule'],
    at: iso(r.at),
    deliverAt: iso(r.deliverAt),
    title: r.title,
    body: r.body,
    digestOf: r.digestOf ?? null,
  };
}
