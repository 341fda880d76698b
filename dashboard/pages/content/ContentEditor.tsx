import { useState, type FormEvent } from 'react';
import { CONTENT_KINDS, type ContentItem } from '../../../lib/core/model/content';
import { JOURNEY_STAGES, type JourneyStage } from '../../../lib/core/model/vocabulary';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';
import { draftOf, EMPTY_CONTENT_FORM, formOf, replacementOf, type ContentForm } from './content-form';

/**
 * Creates an item (`editing` null) or edits one. Nothing is checked here: the server validates, and a refusal is shown
 * in its own words above the button, the form kept as typed so the person fixes what it names.
 */
export function ContentEditor({ editing, onSaved, onCancel }: { editing: ContentItem | null; onSaved: (item: ContentItem) => void; onCancel: () => void }) {
  const { api } = useDashboard();
  const [form, setForm] = useState<ContentForm>(() => (editing ? formOf(editing) : EMPTY_CONTENT_FORM));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof ContentForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = editing ? await api.replaceContent(editing.id, replacementOf(editing, draftWithoutArchived(form))) : await api.createContent(draftOf(form));
      onSaved(saved);
    } catch (err) {
      setError(messageOf(err));
      setSaving(false);
    }
  };

  const heading = editing ? `Edit “${editing.title}”` : 'New item';
  return (
    <form className="card plan-form" onSubmit={submit} aria-labelledby="content-editor">
      <h2 id="content-editor">{heading}</h2>
      <Field id="content-title" label="Title" value={form.title} onChange={set('title')} />
      <Field id="content-url" label="URL" value={form.url} onChange={set('url')} />
      <div className="field">
        <label htmlFor="content-kind">Kind</label>
        <select id="content-kind" value={form.kind} onChange={set('kind')}>
          {CONTENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.replace('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="content-stage">Journey stage</label>
        <select id="content-stage" value={form.journeyStage} onChange={(e) => setForm({ ...form, journeyStage: e.target.value as JourneyStage })}>
          {JOURNEY_STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <Field id="content-personas" label="Personas" hint="job-title words, separated by commas (cfo, marketing); none means anyone" value={form.personas} onChange={set('personas')} />
      <Field id="content-topics" label="Topics" hint="lower-case words with _, separated by commas (pricing, lead_scoring)" value={form.topics} onChange={set('topics')} />
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="inline">
        <button type="submit" disabled={saving}>
          {editing ? 'Save changes' : 'Add to the library'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** An edit changes the fields of the form only: whether the item is archived stays as it is. */
function draftWithoutArchived(form: ContentForm) {
  const { archived: _archived, ...fields } = draftOf(form);
  return fields;
}

// Plain text inputs: the server checks a URL and a topic and says what is wrong, not the browser in its own words.
function Field({ id, label, hint, value, onChange }: { id: string; label: string; hint?: string; value: string; onChange: (e: { target: { value: string } }) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} onChange={onChange} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint ? (
        <span id={`${id}-hint`} className="small-note">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
