import { useEffect, useRef, useState } from 'react';
import { allowedText, parseFieldValue } from '../../core/config/configSchema';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import { ConfigField } from './ConfigField';
import { FORM_GROUPS, errorsByField, specOf, type ConfigKey } from './formFields';

export interface ConfigFormError {
  field: string;
  message: string;
}

export interface ConfigFormProps {
  config: ExperimentConfig;
  onChange: (config: ExperimentConfig) => void;
  /** Validation errors of `config` (e.g. from useConfigState); errors of unknown fields show as a summary. */
  errors: ConfigFormError[];
  disabled: boolean;
  /**
   * Number fields whose typed text does not parse (they keep the last good value in `config`).
   * Optional: lets the caller hold back "Run" while any are pending.
   */
  onDraftErrorsChange?: (errors: ConfigFormError[]) => void;
}

type Drafts = Partial<Record<ConfigKey, string>>;

/**
 * The experiment settings, generated from CONFIG_SCHEMA in five fieldsets. Number fields keep the
 * text being typed ("0.", "1e") as a draft and only report values that parse.
 */
export function ConfigForm({ config, onChange, errors, disabled, onDraftErrorsChange }: ConfigFormProps) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [draftErrors, setDraftErrors] = useState<Drafts>({});
  const [seen, setSeen] = useState(config);

  // A field changed from outside (preset, URL, reset): drop its draft unless it already shows that value.
  if (seen !== config) {
    setSeen(config);
    const stale = (Object.keys(drafts) as ConfigKey[]).filter((key) => config[key] !== seen[key] && !draftShows(drafts[key], config[key]));
    if (stale.length > 0) {
      setDrafts(omit(drafts, stale));
      setDraftErrors(omit(draftErrors, stale));
    }
  }

  // Report draft errors when they change (not when the callback's identity does).
  const reportDraftErrors = useRef(onDraftErrorsChange);
  useEffect(() => {
    reportDraftErrors.current = onDraftErrorsChange;
  }, [onDraftErrorsChange]);
  useEffect(() => {
    reportDraftErrors.current?.(Object.entries(draftErrors).map(([field, message]) => ({ field, message: message ?? '' })));
  }, [draftErrors]);

  const byField = errorsByField(errors);
  const general = byField.get('') ?? [];

  const setValue = (key: ConfigKey, value: unknown) => onChange({ ...config, [key]: value } as ExperimentConfig);

  const setText = (key: ConfigKey, text: string, badInput: boolean) => {
    setDrafts((d) => ({ ...d, [key]: text }));
    const parsed: ReturnType<typeof parseFieldValue> = badInput
      ? { ok: false, message: `${key}: what is typed is not a number; expected ${allowedText(specOf(key))}` }
      : parseFieldValue(key, text);
    if (parsed.ok) {
      setDraftErrors((d) => omit(d, [key]));
      if (parsed.value !== config[key]) setValue(key, parsed.value);
    } else {
      setDraftErrors((d) => ({ ...d, [key]: parsed.message }));
    }
  };

  return (
    <form
      className="controls-form"
      aria-label="Experiment settings"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      data-testid="config-form"
    >
      {general.length > 0 && (
        <div role="alert" className="notice notice-error controls-summary" data-testid="config-errors">
          <ul>
            {general.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {FORM_GROUPS.map((group) => (
        <fieldset key={group.legend} className="controls-group" disabled={disabled}>
          <legend>{group.legend}</legend>
          {group.keys.map((key) => {
            const draftError = draftErrors[key];
            return (
              <ConfigField
                key={key}
                name={key}
                spec={specOf(key)}
                value={config[key]}
                draft={drafts[key]}
                messages={draftError !== undefined ? [draftError] : (byField.get(key) ?? [])}
                disabled={disabled}
                onValue={(value) => setValue(key, value)}
                onText={(text, badInput) => setText(key, text, badInput)}
              />
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}

/** Whether the typed text already stands for this value ("0." for 0, "1e3" for 1000). */
function draftShows(draft: string | undefined, value: unknown): boolean {
  return draft !== undefined && draft.trim() !== '' && Number(draft) === value;
}

function omit(record: Drafts, keys: readonly ConfigKey[]): Drafts {
  const next = { ...record };
  for (const key of keys) delete next[key];
  return next;
}
