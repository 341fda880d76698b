// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelShell } from '../../components/PanelShell';

afterEach(cleanup);

describe('PanelShell', () => {
  it('names the product and says plainly that no workspace is connected', () => {
    render(<PanelShell />);
    expect(screen.getByRole('heading', { level: 1, name: 'Leadside' })).toBeTruthy();
    const main = screen.getByRole('main', { name: 'Lead' });
    expect(main.textContent).toContain('Not connected to a workspace');
  });

  it('shows what it is given instead of the empty state', () => {
    render(
      <PanelShell>
        <p>Dana Reyes</p>
      </PanelShell>,
    );
    expect(screen.getByRole('main').textContent).toBe('Dana Reyes');
    expect(screen.queryByText('Not connected to a workspace')).toBeNull();
  });
});
