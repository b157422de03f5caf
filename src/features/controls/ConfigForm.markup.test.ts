import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../core/config/configSchema';
import { baseConfigFor } from './urlConfig';
import { FORM_GROUPS } from './formFields';
import { ConfigForm } from './ConfigForm';
import { PresetPicker } from './PresetPicker';

const noop = () => undefined;

describe('ConfigForm markup (server render)', () => {
  const config = baseConfigFor(null);
  const html = renderToStaticMarkup(
    createElement(ConfigForm, {
      config,
      onChange: noop,
      disabled: false,
      errors: [
        { field: 'steps', message: 'steps: bad' },
        { field: 'foo', message: 'unknown URL parameter foo' },
      ],
    }),
  );

  it('has five fieldsets with legends', () => {
    for (const legend of ['Data', 'Corruption', 'Models', 'Training', 'Selection']) expect(html).toContain(`<legend>${legend}</legend>`);
  });

  it('gives every key a control with id cfg-<key>, a label and help', () => {
    for (const key of CONFIG_KEYS) {
      expect(html, key).toContain(`id="cfg-${key}"`);
      expect(html, key).toContain(`id="cfg-${key}-help"`);
      if (key !== 'policies') {
        expect(html, key).toContain(`for="cfg-${key}"`);
        expect(html, key).toMatch(new RegExp(`name="${key}"`));
      }
    }
    for (const policy of config.policies) expect(html).toContain(`for="cfg-policies-${policy}"`);
    expect(html).toContain(
      `<input id="cfg-trainSize" type="number" inputMode="numeric" min="256" max="60000" step="1" aria-describedby="cfg-trainSize-help" name="trainSize" value="${config.trainSize}"/>`,
    );
    expect(html).toContain('<option value="ViT-Mi/8" selected="">ViT-Mi/8</option>');
    expect(html).toContain('Filter ratio ρ');
    expect(html).toContain('Temperature τ');
  });

  it('marks invalid fields and shows other errors as a summary', () => {
    expect(html).toMatch(/id="cfg-steps"[^>]*aria-invalid="true"[^>]*aria-describedby="cfg-steps-help cfg-steps-error"/);
    expect(html).toContain(
      '<span id="cfg-steps-error" role="alert" class="controls-error" data-testid="config-field-error">steps: bad</span>',
    );
    expect(html).toContain('<li>unknown URL parameter foo</li>');
    expect(html).not.toMatch(/id="cfg-seed"[^>]*aria-invalid/);
  });

  it('disables every group when disabled', () => {
    const disabled = renderToStaticMarkup(createElement(ConfigForm, { config, onChange: noop, disabled: true, errors: [] }));
    expect(disabled.match(/<fieldset class="controls-group" disabled=""/g)).toHaveLength(FORM_GROUPS.length);
  });
});

describe('PresetPicker markup', () => {
  it('labels the select and explains the chosen preset', () => {
    const html = renderToStaticMarkup(createElement(PresetPicker, { value: 'micro', onSelect: noop, disabled: false }));
    expect(html).toContain('<label for="preset-picker">Preset</label>');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('A tiny run that finishes in seconds');
    const none = renderToStaticMarkup(createElement(PresetPicker, { value: null, onSelect: noop, disabled: false }));
    expect(none).toContain('Custom settings');
  });
});
