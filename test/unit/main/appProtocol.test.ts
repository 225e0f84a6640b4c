import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security';

const root = mkdtempSync(join(tmpdir(), 'kubeplan-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kubeplan</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, '..', 'secret.txt'), 'do not serve');

describe('app:// path resolution', () => {
  it('maps the origin root and files under it into out/renderer', () => {
    expect(resolveAppPath(root, 'app://kubeplan/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kubeplan/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kubeplan/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://kubeplan/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it.each([
    'app://kubeplan/..%2fsecret.txt',
    'app://kubeplan/assets/..%2f..%2fsecret.txt',
    'app://kubeplan/..%5csecret.txt',
    'app://kubeplan/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://kubeplan/index.html%00.js',
    'app://kubeplan/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://kubeplan/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeUndefined();
  });

  it('keeps dot segments the URL parser folds inside the root', () => {
    // `..` in a standard URL is normalised before we see it: it can never climb above the origin.
    expect(resolveAppPath(root, 'app://kubeplan/../../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://kubeplan/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
  });
});

describe('app:// responses', () => {
  const handle = createAppProtocolHandler(root);

  it('serves the page with the CSP header and its content type', async () => {
    const response = await handle(new Request('app://kubeplan/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Kubeplan</title>');
  });

  it('serves scripts as JavaScript (module scripts need it)', async () => {
    const response = await handle(new Request('app://kubeplan/assets/index-abc.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, still with the CSP, for traversal and missing files', async () => {
    for (const url of ['app://kubeplan/%2e%2e/secret.txt', 'app://kubeplan/missing.js']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await handle(new Request('app://kubeplan/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
