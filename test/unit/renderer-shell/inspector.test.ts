import { describe, expect, it } from 'vitest';
import { parseObjectYaml } from '../../../renderer/panels/inspector/objectYaml';
import { dns1035Label, dns1123Subdomain, labelKey, labelValue, port, quantity } from '../../../renderer/panels/inspector/validators';

const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1 } };

describe('inspector input checks', () => {
  it('accepts Kubernetes quantities and refuses anything else', () => {
    for (const ok of ['250m', '1', '0.5', '512Mi', '2Gi', '1e3']) expect(quantity(ok), ok).toBeUndefined();
    for (const bad of ['lots', '1 Gi', '-', '', '5gb']) expect(quantity(bad), bad).toMatchObject({ key: 'errors.quantity' });
  });

  it('names follow the DNS rules of their kind: Services must start with a letter', () => {
    expect(dns1123Subdomain('web.v2')).toBeUndefined();
    expect(dns1123Subdomain('Web')).toBeDefined();
    expect(dns1123Subdomain('a'.repeat(254))).toBeDefined();
    expect(dns1035Label('1web')).toBeDefined();
    expect(dns1035Label('web-1')).toBeUndefined();
  });

  it('label keys may carry a DNS prefix; values may be empty but not contain spaces', () => {
    expect(labelKey('app.kubernetes.io/name')).toBeUndefined();
    expect(labelKey('bad key')).toBeDefined();
    expect(labelKey('/name')).toBeDefined();
    expect(labelValue('')).toBeUndefined();
    expect(labelValue('two words')).toBeDefined();
  });

  it('ports are whole numbers from 1 to 65535', () => {
    expect(port('8080')).toBeUndefined();
    expect(port('0')).toBeDefined();
    expect(port('65536')).toBeDefined();
    expect(port('80.5')).toBeDefined();
  });
});

describe('the inspector YAML editor', () => {
  it('reports a YAML error with its 1-based line and gives no object', () => {
    const r = parseObjectYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: [1\n', deployment);
    expect(r).toEqual({ error: { key: 'errors.yamlLine', params: { line: expect.any(Number), message: expect.any(String) } } });
    expect((r as unknown as { error: { params: { line: number } } }).error.params.line).toBeGreaterThanOrEqual(6);
  });

  it('refuses to turn the object into another kind, or to lose its name', () => {
    expect(parseObjectYaml('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n', deployment)).toEqual({ error: { key: 'errors.kindChange' } });
    expect(parseObjectYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata: {}\n', deployment)).toEqual({ error: { key: 'errors.yamlShape' } });
    expect(parseObjectYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: Web_1\n', deployment)).toMatchObject({ error: { key: 'errors.dns1123' } });
  });

  it('gives back the edited object, unknown fields included', () => {
    const r = parseObjectYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  x-extra: kept\n', deployment);
    expect(r).toEqual({ object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, 'x-extra': 'kept' } } });
  });
});
