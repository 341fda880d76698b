// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelShell } from '../../components/PanelShell';

afterEach(cleanup);

describe('PanelShell', () => {
  it('names the product in the banner and puts the view in one named main region', () => {
    render(
      <PanelShell label="Lead" nav={<nav aria-label="Views" />} notices={<p role="status">Offline.</p>}>
        <p>Dana Reyes</p>
      </PanelShell>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Leadside' })).toBeTruthy();
    expect(screen.getByRole('banner').contains(screen.getByRole('navigation', { name: 'Views' }))).toBe(true);
    expect(screen.getByRole('main', { name: 'Lead' }).textContent).toBe('Dana Reyes');
    expect(screen.getByRole('status').textContent).toBe('Offline.');
    // No leftover demo copy.
    expect(document.body.textContent).not.toContain('Not connected');
  });
});
