import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentConfig } from '../../core/config/experimentConfig';
import { initialConfigState, searchFor, withConfig, withPreset, type ConfigState } from './configState';

export interface ConfigStateApi extends ConfigState {
  setConfig: (config: ExperimentConfig) => void;
  applyPreset: (name: string) => void;
  /** Copies the page URL (which mirrors the config) to the clipboard. */
  copyLink: () => Promise<void>;
}

/**
 * The experiment config, read once from the page URL and mirrored back into it (replaceState, an
 * existing `?backend=` kept) after each valid change. The URL is not rewritten on load, so a bad
 * link stays visible next to its error messages until the user changes something.
 */
export function useConfigState(): ConfigStateApi {
  const [state, setState] = useState<ConfigState>(() => initialConfigState(window.location.search));
  const edited = useRef(false);

  const setConfig = useCallback((config: ExperimentConfig) => {
    edited.current = true;
    setState((s) => withConfig(s, config));
  }, []);

  const applyPreset = useCallback((name: string) => {
    edited.current = true;
    setState((s) => withPreset(s, name));
  }, []);

  const { validConfig, preset } = state;
  useEffect(() => {
    if (!edited.current || validConfig === null) return;
    const { pathname, search, hash } = window.location;
    const next = searchFor(validConfig, preset, search);
    if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
  }, [validConfig, preset]);

  const copyLink = useCallback(async () => {
    if (typeof navigator === 'undefined' || !navigator.clipboard)
      throw new Error('The clipboard is not available in this browser; copy the address bar instead.');
    await navigator.clipboard.writeText(window.location.href);
  }, []);

  return { ...state, setConfig, applyPreset, copyLink };
}
