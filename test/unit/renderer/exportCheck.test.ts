// Export of a design with errors asks first (window.confirm); declining writes nothing.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { confirmExportWithErrors } from '../../../renderer/files/actions';
import i18next from 'i18next';
import { en } from '../../../renderer/i18n/en';
import { replaceDesign } from '../../../renderer/store';

beforeAll(() => {
  void i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const design = (replicas: number) => ({
  ...emptyDesign(),
  resources: [{ id: 'r1', object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } } }],
});

describe('export of a design with errors', () => {
  it('asks first, naming the count and the first error; the answer decides', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('window', { confirm });
    replaceDesign(design(-3));
    expect(await confirmExportWithErrors()).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]).toEqual(['The design has problems a cluster would refuse (errors: 1). First: Deployment shop/web: spec.replicas: Invalid value: -3: must be greater than or equal to 0\n\nExport anyway?']);
    confirm.mockReturnValue(true);
    expect(await confirmExportWithErrors()).toBe(true);
  });

  it('does not ask when the design has no errors', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('window', { confirm });
    replaceDesign(design(2));
    expect(await confirmExportWithErrors()).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });
});
