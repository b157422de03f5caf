import { useMemo } from 'react';
import { BackendBadge } from '../features/backend/BackendBadge';
import { SelfCheckPanel } from '../features/backend/SelfCheckPanel';
import { useBackendSession } from '../features/backend/useBackendSession';
import { useEngine } from './useEngine';
import { backendOverrideFromUrl } from './urlState';

export function App() {
  const override = useMemo(() => backendOverrideFromUrl(), []);
  const engine = useEngine();
  const session = useBackendSession(engine, override.ok ? override.backend : null);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Learnability Lab</h1>
        <p className="tagline">Bad students make great teachers — online batch selection, trained live on your device.</p>
        <BackendBadge state={session.backend} />
      </header>
      {!override.ok && (
        <div role="alert" className="notice notice-error" data-testid="config-error">
          {override.message} Using the best available backend instead.
        </div>
      )}
      <main>
        <SelfCheckPanel state={session.selfCheck} onRun={session.runSelfCheck} disabled={session.backend.status !== 'ready'} />
      </main>
    </div>
  );
}
