import { PRESETS, PRESET_NAMES, findPreset } from '../../core/config/presets';

export interface PresetPickerProps {
  /** The selected preset's name; null (or an unknown name) shows "Custom settings". */
  value: string | null;
  onSelect: (name: string) => void;
  disabled: boolean;
}

/** Named starting points, each with the one line that says what it shows. */
export function PresetPicker({ value, onSelect, disabled }: PresetPickerProps) {
  const found = value === null ? null : findPreset(value);
  const preset = found && !('error' in found) ? found : null;
  return (
    <div className="controls-preset">
      <label htmlFor="preset-picker">Preset</label>
      <select
        id="preset-picker"
        name="preset"
        value={preset ? preset.name : ''}
        onChange={(e) => {
          if (e.target.value !== '') onSelect(e.target.value);
        }}
        disabled={disabled}
        aria-describedby="preset-explanation"
      >
        {!preset && (
          <option value="" disabled>
            Custom settings
          </option>
        )}
        {PRESET_NAMES.map((name) => (
          <option key={name} value={name}>
            {PRESETS[name].title}
          </option>
        ))}
      </select>
      <p id="preset-explanation" className="hint controls-preset-explanation" aria-live="polite" data-testid="preset-explanation">
        {preset ? preset.explanation : 'No preset: the settings below are your own.'}
      </p>
    </div>
  );
}
