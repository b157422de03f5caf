import type { ReactNode } from 'react';
import type { FieldSpec } from '../../core/config/configSchema';
import type { ExperimentConfig, PolicyName } from '../../core/config/experimentConfig';
import { MODEL_VARIANTS } from '../../core/models/modelRegistry';
import { POLICIES } from '../../core/selection/policies';
import { FIELD_LABELS, fieldIds, helpText, togglePolicy, type ConfigKey } from './formFields';

export interface ConfigFieldProps {
  name: ConfigKey;
  spec: FieldSpec;
  value: ExperimentConfig[ConfigKey];
  /** The text of a number field the user is editing (may not parse yet); undefined shows the value. */
  draft: string | undefined;
  /** Messages to show inline; the field is marked invalid when there are any. */
  messages: readonly string[];
  disabled: boolean;
  /** A parsed, typed value for this key. */
  onValue: (value: ExperimentConfig[ConfigKey]) => void;
  /** Raw text typed into a number field; `badInput`: the browser holds text it cannot read as a number ("1e"). */
  onText: (text: string, badInput: boolean) => void;
}

/** One labelled control generated from its schema row, with help text and an inline error. */
export function ConfigField({ name, spec, value, draft, messages, disabled, onValue, onText }: ConfigFieldProps) {
  const ids = fieldIds(name);
  const invalid = messages.length > 0;
  const describedBy = invalid ? `${ids.help} ${ids.error}` : ids.help;
  const a11y = { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy } as const;
  const label = FIELD_LABELS[name];
  const help = (
    <small id={ids.help} className="controls-help">
      {helpText(spec)}
    </small>
  );
  const error = invalid && (
    <span id={ids.error} role="alert" className="controls-error" data-testid="config-field-error">
      {messages.join(' ')}
    </span>
  );

  let control: ReactNode;
  switch (spec.kind) {
    case 'int':
    case 'number':
      control = (
        <input
          id={ids.input}
          name={name}
          type="number"
          inputMode={spec.kind === 'int' ? 'numeric' : 'decimal'}
          min={spec.min}
          max={spec.max}
          step={spec.kind === 'int' ? (spec.multipleOf ?? 1) : 'any'}
          value={draft ?? String(value)}
          onChange={(e) => onText(e.target.value, e.target.validity?.badInput === true)}
          disabled={disabled}
          {...a11y}
        />
      );
      break;
    case 'enum':
    case 'model': {
      const options = spec.kind === 'enum' ? spec.values : MODEL_VARIANTS;
      const current = String(value);
      control = (
        <select id={ids.input} name={name} value={current} onChange={(e) => onValue(e.target.value)} disabled={disabled} {...a11y}>
          {!options.includes(current) && <option value={current}>{current}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'boolean':
      return (
        <div className="controls-field controls-field-check">
          <input
            id={ids.input}
            name={name}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onValue(e.target.checked)}
            disabled={disabled}
            {...a11y}
          />
          <label htmlFor={ids.input}>{label}</label>
          {help}
          {error}
        </div>
      );
    case 'enum-list': {
      const selected = Array.isArray(value) ? (value as PolicyName[]) : [];
      return (
        <fieldset
          id={ids.input}
          className="controls-field controls-checks"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          disabled={disabled}
        >
          <legend>{label}</legend>
          {(spec.values as readonly PolicyName[]).map((policy) => {
            const id = `${ids.input}-${policy}`;
            const info = POLICIES[policy];
            return (
              <div key={policy} className="controls-check">
                <input
                  id={id}
                  name={name}
                  value={policy}
                  type="checkbox"
                  checked={selected.includes(policy)}
                  onChange={(e) => onValue(togglePolicy(selected, policy, e.target.checked))}
                />
                <label htmlFor={id}>
                  {info ? info.label : policy}
                  {info && <span className="controls-check-note"> — {info.description}</span>}
                </label>
              </div>
            );
          })}
          {help}
          {error}
        </fieldset>
      );
    }
  }

  return (
    <div className="controls-field">
      <label htmlFor={ids.input}>{label}</label>
      {control}
      {help}
      {error}
    </div>
  );
}
