/**
 * End-to-end harness: builds the browser app once, serves it on 127.0.0.1 and drives Debian's
 * Chromium through playwright-core with real mouse input. No vitest import here, so benchmarks
 * (plain tsx scripts) can use it too; the vitest glue lives in ./suite.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KUBEPLAN_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** Why the browser suites cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `${CHROMIUM_PATH} not found (apt-get install -y chromium)`;
}

// Built into the OS temp dir (not dist/web) so a test run never clobbers a user's build.
const BUILD_DIR = join(tmpdir(), `kubeplan-e2e-web-${hashPath(ROOT)}`);
const STAMP = join(BUILD_DIR, '.built-at');
const LOCK = `${BUILD_DIR}.lock`;
const SOURCE_DIRS = ['renderer', 'shared', 'assets'];
const SOURCE_FILES = ['vite.renderer.config.ts', 'package.json', 'test/e2e/harness.ts'];

function hashPath(p: string): string {
  let h = 0;
  for (const c of p) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsFresh(): boolean {
  if (!existsSync(STAMP)) return false;
  const built = Number(readFileSync(STAMP, 'utf8'));
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(join(ROOT, d))), ...SOURCE_FILES.map((f) => newestMtime(join(ROOT, f))));
  return built >= sources;
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than 3 minutes belongs to a crashed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`e2e build lock ${LOCK} held too long`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the web app with the project's own vite config, unless a build newer than every source exists. */
export async function buildWebApp(): Promise<string> {
  return withLock(async () => {
    if (buildIsFresh()) return BUILD_DIR;
    const startedAt = Date.now();
    const { build } = await import('vite');
    // Always the production build users get: vitest sets NODE_ENV=test, which would otherwise give
    // React's development build (and benchmarks that reuse this build would measure it).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(ROOT, 'vite.renderer.config.ts'),
        mode: 'production',
        logLevel: 'warn',
        build: { outDir: BUILD_DIR, emptyOutDir: true, reportCompressedSize: false },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(STAMP, String(startedAt));
    return BUILD_DIR;
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** A tiny static server for the built app on an ephemeral 127.0.0.1 port. */
export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Point {
  x: number;
  y: number;
}

/** One browser with the app loaded: the page, plus helpers that act like a user. */
export class AppDriver {
  /** How confirm() and beforeunload prompts are answered (discarding unsaved work by default). */
  dialogAnswer: 'accept' | 'dismiss' = 'accept';
  /** The text of every dialog shown, in order. */
  readonly dialogs: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    readonly errors: string[],
  ) {}

  /** Load the app with a query string (`example=hello-minikube`, `lang=zh-CN`), waiting until the workspace shows. */
  async open(query = ''): Promise<void> {
    const q = query ? (query.startsWith('?') ? query : `?${query}`) : '';
    await this.page.goto(`${this.baseUrl}${q}`);
    await this.page.waitForSelector('[data-testid="workspace"]', { timeout: 20_000 });
    await this.page.waitForSelector('[data-testid="canvas"]', { state: 'attached', timeout: 20_000 });
  }

  /**
   * Open `query` as a fresh start. The page backs unsaved work up shortly after each change (hot
   * exit), and a backup written just before the navigation would come back as a restore offer
   * over the app; it is forgotten as the page goes away, when no timer of it can run any more.
   */
  async openFresh(query: string): Promise<void> {
    await this.page.evaluate(() =>
      window.addEventListener('pagehide', () => {
        localStorage.removeItem('kubeplan.backup');
        localStorage.removeItem('kubeplan.backup.offered');
      }),
    );
    await this.open(query);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** The canvas container's box on the page; canvas coordinates below are relative to its top-left. */
  async canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const el = this.page.locator('[data-testid="canvas"]').first();
    const box = await el.boundingBox();
    if (!box) throw new Error('canvas is not visible');
    return box;
  }

  async toPage(p: Point): Promise<Point> {
    const box = await this.canvasBox();
    return { x: box.x + p.x, y: box.y + p.y };
  }

  /** Press on a palette entry and drag it with real mouse moves to (x, y) on the canvas. */
  async dragFromPalette(kind: string, x: number, y: number): Promise<void> {
    const entry = this.page.locator(`[data-kind="${kind}"]`).first();
    await entry.scrollIntoViewIfNeeded();
    const from = await entry.boundingBox();
    if (!from) throw new Error(`palette entry ${kind} is not visible`);
    const to = await this.toPage({ x, y });
    await this.drag({ x: from.x + from.width / 2, y: from.y + from.height / 2 }, to, true);
  }

  /** A real mouse drag between two page points, in small steps. */
  async drag(from: Point, to: Point, pagePoints = true, steps = 12): Promise<void> {
    const a = pagePoints ? from : await this.toPage(from);
    const b = pagePoints ? to : await this.toPage(to);
    const m = this.page.mouse;
    await m.move(a.x, a.y);
    await m.down();
    await m.move(a.x + 4, a.y + 4, { steps: 2 });
    await m.move(b.x, b.y, { steps });
    await m.up();
  }

  /** Click at a canvas point. */
  async clickCanvas(x: number, y: number, modifiers: Array<'Shift' | 'Control'> = []): Promise<void> {
    const p = await this.toPage({ x, y });
    for (const k of modifiers) await this.page.keyboard.down(k);
    await this.page.mouse.click(p.x, p.y);
    for (const k of modifiers) await this.page.keyboard.up(k);
  }

  /** The YAML tab's text (opens the tab when needed). */
  async readYaml(): Promise<string> {
    const preview = this.page.locator('[data-testid="yaml-preview"]');
    if (!(await preview.isVisible().catch(() => false))) await this.page.locator('[data-testid="tab-yaml"]').click();
    return (await preview.textContent()) ?? '';
  }

  /** Run an action that starts a download and return the downloaded file's name and text. */
  async captureDownload(action: () => Promise<unknown>): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 20_000 }), action()]);
    return { name: download.suggestedFilename(), text: await readDownload(download) };
  }

  /** Run an action that opens a file chooser and answer it with files (path or in-memory). */
  async chooseFiles(action: () => Promise<unknown>, files: Array<{ name: string; text: string }>): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser', { timeout: 20_000 }), action()]);
    await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/yaml', buffer: Buffer.from(f.text) })));
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

let shared: { url: string; close: () => Promise<void> } | undefined;

/** Build (once), serve and launch; returns a driver with the app loaded at `query`. */
export async function openApp(query = '', viewport = { width: 1440, height: 900 }, launch: { env?: Record<string, string> } = {}): Promise<AppDriver & { stop(): Promise<void> }> {
  const dir = await buildWebApp();
  shared ??= await serveStatic(dir);
  const profile = mkdtempSync(join(tmpdir(), 'kubeplan-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    viewport,
    deviceScaleFactor: 1,
    ...(launch.env ? { env: { ...process.env, ...launch.env } as Record<string, string> } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const driver = new AppDriver(context, page, shared.url, errors) as AppDriver & { stop(): Promise<void> };
  page.on('dialog', (d) => {
    driver.dialogs.push(d.message());
    void (driver.dialogAnswer === 'accept' ? d.accept() : d.dismiss()).catch(() => undefined);
  });
  driver.stop = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  await driver.open(query);
  return driver;
}

/** Stop the shared static server (call once in afterAll of the last suite, or let the process end). */
export async function stopServer(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
