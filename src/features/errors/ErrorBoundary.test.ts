import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { PanelFallback } from './PanelFallback';

// Server rendering never calls error boundaries, so the boundary's steps are driven by hand here
// (the e2e suite sees it in a browser).
describe('a panel that throws', () => {
  const noop = () => undefined;
  const fallback = (error: Error, retry: () => void) =>
    createElement(PanelFallback, { panel: 'Savings', error, retry, record: { name: 'imported run', onExport: noop, onDelete: noop } });

  it('is replaced by a notice naming the panel, the record and the error, with Export and Delete', () => {
    const boundary = new ErrorBoundary({ fallback, resetKey: 'a', children: 'the panel' });
    expect(renderToStaticMarkup(createElement('div', null, boundary.render()))).toBe('<div>the panel</div>');
    boundary.state = {
      ...boundary.state,
      ...ErrorBoundary.getDerivedStateFromError(new TypeError("Cannot read properties of undefined (reading 'toFixed')")),
    };
    const html = renderToStaticMarkup(createElement('div', null, boundary.render()));
    expect(html).toContain('data-testid="panel-error" data-panel="Savings"');
    expect(html).toContain(
      'The Savings panel could not be drawn for “imported run”: Cannot read properties of undefined (reading &#x27;toFixed&#x27;). The rest of the lab keeps working.',
    );
    expect(html).toContain('Export JSON of the record');
    expect(html).toContain('Delete the saved record');
    expect(html).toContain('Try again');
  });

  it('draws its children again when another record is shown (resetKey), not before', () => {
    const failed = { error: new Error('x'), failedKey: 'a' };
    expect(ErrorBoundary.getDerivedStateFromProps({ fallback, resetKey: 'a', children: null }, failed)).toBeNull();
    expect(ErrorBoundary.getDerivedStateFromProps({ fallback, resetKey: 'b', children: null }, failed)).toEqual({
      error: null,
      failedKey: 'b',
    });
    expect(ErrorBoundary.getDerivedStateFromError('not an Error')).toEqual({ error: new Error('not an Error') });
  });
});
