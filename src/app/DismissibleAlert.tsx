/** An error notice the user can dismiss (engine failures, storage errors). */
export function DismissibleAlert({ message, onDismiss, testId }: { message: string; onDismiss: () => void; testId: string }) {
  return (
    <div role="alert" className="notice notice-error" data-testid={testId}>
      {message}{' '}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
