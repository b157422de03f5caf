import { useCallback, useMemo, useRef, useState } from 'react';
import type { ExperimentConfig } from '../core/config/experimentConfig';
import { findPreset } from '../core/config/presets';
import type { ExperimentCheckpoint } from '../core/experiment/checkpoint';
import type { ExperimentResult } from '../core/experiment/resultTypes';
import type { StartOptions } from '../worker/engine';
import type { OffendingRecord } from '../features/errors/PanelFallback';
import { downloadText, resultToJson } from '../features/runs/exportImport';
import { BackendBadge } from '../features/backend/BackendBadge';
import { SelfCheckPanel } from '../features/backend/SelfCheckPanel';
import { useBackendSession } from '../features/backend/useBackendSession';
import { ConfigForm } from '../features/controls/ConfigForm';
import { fitSizesToUpload } from '../core/data/upload/uploadedDataset';
import { DatasetUploadPanel } from '../features/dataset/DatasetUploadPanel';
import { customDatasetErrors, withUploadInfo } from '../features/dataset/uploadSummary';
import { useUploadedDataset } from '../features/dataset/useUploadedDataset';
import { PresetPicker } from '../features/controls/PresetPicker';
import { RunControls } from '../features/controls/RunControls';
import { useConfigState } from '../features/controls/useConfigState';
import { useExperiment } from '../features/experiment/useExperiment';
import { defaultRecordName, newRecordId } from '../features/runs/runRecords';
import { useSavedRuns } from '../features/runs/useSavedRuns';
import { SweepPanel } from '../features/sweep/SweepPanel';
import { SavedRunsPanel } from './SavedRunsPanel';
import { ResultsView } from './ResultsView';
import { useEngine } from './useEngine';
import { useTestHooks } from './testHooks';
import { backendOverrideFromUrl } from './urlState';
import type { ResumeRequest } from './resumeMachine';
import { useResumeMachine } from './useResumeMachine';
import { DismissibleAlert } from './DismissibleAlert';

const LADDER = findPreset('scorer-ladder');

export function App() {
  const override = useMemo(() => backendOverrideFromUrl(), []);
  const engine = useEngine();
  const session = useBackendSession(engine, override.ok ? override.backend : null);
  const settings = useConfigState();
  const saved = useSavedRuns();
  // An accepted upload becomes the dataset, with split sizes that fit it; a refused one changes nothing.
  const trainOnUpload = (examples: number) =>
    settings.setConfig({ ...settings.config, dataset: 'custom', ...fitSizesToUpload(settings.config, examples) });
  const upload = useUploadedDataset(engine, (set) => trainOnUpload(set.info.examples));
  const uploadInfo = upload.current?.set.info ?? null;
  const datasetErrors = customDatasetErrors(settings.config, uploadInfo);
  // One saved record per experiment: saved while it trains (so a reload or crash loses nothing), replaced when it ends.
  const liveRecordId = useRef(newRecordId(new Date()));
  const onFinished = useCallback(
    (result: ExperimentResult) => {
      void saved.save(withUploadInfo(result, uploadInfo), undefined, liveRecordId.current);
      // A stopped experiment stays resumable; a finished or diverged one has nothing to resume.
      if (!result.runs.some((r) => r.stoppedEarly?.reason === 'user')) void saved.removeCheckpoint(liveRecordId.current);
    },
    [saved, uploadInfo],
  );
  const onProgress = useCallback(
    (soFar: ExperimentResult) => {
      const tagged = withUploadInfo(soFar, uploadInfo);
      void saved.save(tagged, `unfinished · ${defaultRecordName(tagged, new Date(), settings.preset)}`, liveRecordId.current);
    },
    [saved, settings.preset, uploadInfo],
  );
  // Which sweep panel trains (its cells' checkpoints are not the saved experiment's).
  const [sweeping, setSweeping] = useState<'sensitivity' | 'budget' | null>(null);
  const sweepingRef = useRef(sweeping);
  sweepingRef.current = sweeping;
  const onCheckpoint = useCallback(
    (checkpoint: ExperimentCheckpoint) => {
      if (sweepingRef.current === null) void saved.saveCheckpoint(liveRecordId.current, checkpoint);
    },
    [saved],
  );
  const onSensitivityRunning = useCallback((on: boolean) => setSweeping((s) => (on ? 'sensitivity' : s === 'sensitivity' ? null : s)), []);
  const onBudgetRunning = useCallback((on: boolean) => setSweeping((s) => (on ? 'budget' : s === 'budget' ? null : s)), []);
  const ready = session.backend.status === 'ready';
  // A crash or lost device mid-run: resume from the latest checkpoint once the restarted worker is ready.
  const startRef = useRef<(request: ResumeRequest) => void>(() => {});
  const resumer = useResumeMachine(ready, (request) => startRef.current(request));
  const onInterrupted = useCallback(
    (_message: string, checkpoint: ExperimentCheckpoint | null, options: StartOptions) => resumer.interrupted(checkpoint, options),
    [resumer.interrupted],
  );
  const experiment = useExperiment(engine, { onFinished, onProgress, onCheckpoint, onInterrupted });
  startRef.current = (request) => void experiment.start(request.resume.config, { ...request, scorers: request.resume.scorers });
  /** The saved record on screen (opened, imported, or the experiment that trains): Export / Delete target. */
  const [shownRecordId, setShownRecordId] = useState<string | null>(null);
  const startExperiment = (config: ExperimentConfig, scorers?: string[]) => {
    liveRecordId.current = newRecordId(new Date());
    setShownRecordId(liveRecordId.current);
    resumer.started();
    void experiment.start(config, scorers ? { scorers } : {});
  };
  const [draftErrors, setDraftErrors] = useState<{ field: string; message: string }[]>([]);
  const [linkMessage, setLinkMessage] = useState<string | null>(null);

  const resumeSaved = async (id: string) => {
    const checkpoint = await saved.getCheckpoint(id);
    if (!checkpoint) return resumer.noCheckpoint();
    liveRecordId.current = id;
    setShownRecordId(id);
    settings.setConfig(checkpoint.config);
    resumer.resumeNow({ resume: checkpoint });
  };
  const blockedReason = !ready
    ? 'Waiting for the compute backend to start…'
    : sweeping
      ? 'A sweep is running; stop it first.'
      : settings.validConfig === null || draftErrors.length > 0 || datasetErrors.length > 0
        ? 'Fix the highlighted settings to run.'
        : null;
  const run = (scorers?: readonly string[]) => {
    if (!settings.validConfig) return;
    const presetScorers = settings.preset ? findPreset(settings.preset) : null;
    const sweep = scorers ?? (presetScorers && 'scorers' in presetScorers ? presetScorers.scorers : undefined);
    startExperiment(settings.validConfig, sweep ? [...sweep] : undefined);
  };
  const runLadder = () => {
    if (!settings.validConfig || 'error' in LADDER) return;
    const policies = settings.validConfig.policies.includes('learnability')
      ? settings.validConfig.policies
      : [...settings.validConfig.policies, 'learnability' as const];
    settings.setConfig({ ...settings.validConfig, policies });
    startExperiment({ ...settings.validConfig, policies }, LADDER.scorers ? [...LADDER.scorers] : undefined);
  };
  const copyLink = () =>
    settings.copyLink().then(
      () => setLinkMessage('Link copied: it restores every setting.'),
      (error: unknown) => setLinkMessage(error instanceof Error ? error.message : String(error)),
    );
  useTestHooks(engine);
  // While an experiment trains, its own in-progress record is shown live, not a second time from storage.
  const running = experiment.state.status === 'running';
  const busyReason = running ? 'An experiment is running; stop it first.' : sweeping ? 'A sweep is running; stop it first.' : null;
  const sweepBlocked = (kind: 'sensitivity' | 'budget') =>
    !ready
      ? 'Waiting for the compute backend to start…'
      : running
        ? 'An experiment is running; stop it first.'
        : sweeping && sweeping !== kind
          ? 'The other sweep is running; stop it first.'
          : settings.validConfig === null
            ? 'Fix the highlighted settings to run.'
            : null;
  const openResult = (result: ExperimentResult, id: string | null) => {
    // Opening another result mid-run would end the live view while the worker still trains into it.
    if (running) return;
    setShownRecordId(id);
    experiment.load(result);
  };
  const shownRecord = ((): OffendingRecord | null => {
    const record = saved.records.find((r) => r.id === shownRecordId);
    const current = record?.result ?? experiment.state.result;
    if (!current) return null;
    const onExport = () => downloadText(`result-${record?.id ?? 'current'}.json`, resultToJson(current));
    const onDelete = record && !running ? () => void saved.remove(record.id) : undefined;
    return { name: record?.name ?? 'the experiment on screen', onExport, ...(onDelete ? { onDelete } : {}) };
  })();
  // Keyed by the records shown, so re-saving the in-progress record does not re-render the Pareto chart.
  const shownRecords = saved.records.filter((r) => !running || r.id !== liveRecordId.current);
  const shownKey = shownRecords.map((r) => `${r.id}@${r.savedAt}`).join('|');
  const savedResults = useMemo(() => shownRecords.map((r) => r.result), [shownKey]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Learnability Lab</h1>
        <p className="tagline">Bad students make great teachers — online batch selection, trained live on your device.</p>
        <BackendBadge state={session.backend} />
      </header>
      {session.failure && <DismissibleAlert message={session.failure} onDismiss={session.dismissFailure} testId="engine-failure" />}
      {resumer.notice && (
        <div role="status" className="notice" data-testid="resume-notice">
          {resumer.notice}
          {resumer.offer && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => resumer.offer && resumer.resumeNow(resumer.offer)}
                disabled={!ready || running}
                title={!ready ? 'Waiting for the compute backend to start…' : undefined}
              >
                Resume
              </button>
            </>
          )}
        </div>
      )}
      {saved.storageError && <DismissibleAlert message={saved.storageError} onDismiss={saved.dismissStorageError} testId="storage-error" />}
      {!override.ok && (
        <div role="alert" className="notice notice-error" data-testid="config-error">
          {override.message} Using the best available backend instead.
        </div>
      )}
      <div className="lab-layout">
        <aside className="lab-controls" aria-label="Experiment settings">
          <section className="panel" aria-labelledby="setup-title">
            <h2 id="setup-title">Experiment</h2>
            <PresetPicker value={settings.preset} onSelect={settings.applyPreset} disabled={experiment.state.status === 'running'} />
            <RunControls
              status={experiment.state.status}
              canRun={blockedReason === null}
              blockedReason={blockedReason}
              onRun={() => run()}
              onRunLadder={runLadder}
              onStop={experiment.stop}
              onCopyLink={copyLink}
              linkMessage={linkMessage}
            />
            <ConfigForm
              config={settings.config}
              onChange={settings.setConfig}
              errors={[...settings.errors, ...datasetErrors]}
              disabled={experiment.state.status === 'running'}
              onDraftErrorsChange={setDraftErrors}
            />
          </section>
          <DatasetUploadPanel
            upload={upload}
            selectedDataset={settings.config.dataset}
            onUse={() => uploadInfo && trainOnUpload(uploadInfo.examples)}
            disabled={experiment.state.status === 'running'}
          />
        </aside>
        <main className="lab-results">
          <ResultsView
            state={experiment.state}
            savedResults={savedResults}
            filterRatio={settings.config.filterRatio}
            shownRecord={shownRecord}
          />
          <SweepPanel
            kind="sensitivity"
            engine={engine}
            base={settings.validConfig}
            blockedReason={sweepBlocked('sensitivity')}
            onRunningChange={onSensitivityRunning}
          />
          <SweepPanel
            kind="budget"
            engine={engine}
            base={settings.validConfig}
            blockedReason={sweepBlocked('budget')}
            onRunningChange={onBudgetRunning}
          />
          <SavedRunsPanel
            saved={saved}
            current={experiment.state.result}
            onOpen={openResult}
            onResume={(id) => void resumeSaved(id)}
            resumeBlocked={busyReason ?? (!ready ? 'Waiting for the compute backend to start…' : null)}
            busy={busyReason}
            liveId={running ? liveRecordId.current : null}
            upload={upload.current}
          />
          <SelfCheckPanel state={session.selfCheck} onRun={session.runSelfCheck} disabled={!ready} />
        </main>
      </div>
    </div>
  );
}
