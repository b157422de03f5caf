import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to draw instead of the children once they threw; `retry` draws them again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** A change of this value (e.g. another result on screen) draws the children again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The resetKey the error happened under. */
  failedKey: unknown;
}

/**
 * Catches a throw while rendering one part of the lab (a panel, a saved-runs row) so that only that
 * part is replaced by its fallback; everything around it keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failedKey: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Another result on screen: try drawing again (the fallback belonged to the old one).
    if (state.error && props.resetKey !== state.failedKey) return { error: null, failedKey: props.resetKey };
    if (!state.error && props.resetKey !== state.failedKey) return { failedKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A panel of the lab failed to draw:', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
