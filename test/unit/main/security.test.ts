import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, isTrustedSender, secureWebPreferences, SECURITY_HEADERS } from '../../../main/electron/security';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('the hardened window', () => {
  const prefs = secureWebPreferences('/app/out/preload/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
  });

  it('never enables a setting that weakens isolation', () => {
    for (const key of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'webviewTag', 'experimentalFeatures'] as const) {
      expect(prefs[key], key).toBe(false);
    }
  });
});

describe('the content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows only our own origin by default and no plugins', () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(csp.get('script-src')).toBe("'self'");
  });

  it('reaches no network: connect-src is our origin only', () => {
    expect(csp.get('connect-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('agrees with the meta tag in renderer/index.html (the header adds frame-ancestors only)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined();
    const fromMeta = directives(meta!);
    const fromHeader = new Map(csp);
    fromHeader.delete('frame-ancestors');
    expect(Object.fromEntries(fromMeta)).toEqual(Object.fromEntries(fromHeader));
  });

  it('is sent with nosniff on every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('IPC sender check', () => {
  it('trusts only frames showing app://kubeplan', () => {
    expect(isTrustedSender({ url: 'app://kubeplan/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'app://kubeplan/index.html#/design' })).toBe(true);
  });

  it.each([
    ['a file:// page', 'file:///home/me/out/renderer/index.html'],
    ['a web page', 'https://example.com/'],
    ['a local dev server', 'http://127.0.0.1:5173/'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://kubeplan.evil/index.html'],
    ['about:blank', 'about:blank'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['an empty URL', ''],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSender({ url })).toBe(false);
  });

  it('refuses a message whose frame is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
