// Lint, including the layer rule of docs/architecture.md: shared imports nothing of ours nor any
// platform (electron, DOM-only libraries, node:*); main and renderer never import each other;
// inside shared, each folder imports only the folders below it (SHARED_LAYERS).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'stream', 'util', 'events', 'http', 'https', 'net', 'zlib', 'module', 'process', 'buffer'];

export const layerRules = {
  shared: {
    paths: ['electron', ...NODE_BUILTINS].map((name) => ({ name, message: 'shared/ runs everywhere: no electron or node modules.' })),
    patterns: [
      { group: ['node:*'], message: 'shared/ runs everywhere: no node:* modules.' },
      { group: ['**/main/**', '**/renderer/**', '**/cli/**', '**/test/**'], message: 'shared/ imports nothing of ours outside shared/.' },
      { group: ['react', 'react-dom', 'react-dom/*', 'konva', 'konva/*', 'react-konva', 'zustand', 'zustand/*', 'zundo', 'i18next', 'react-i18next', 'electron/*'], message: 'shared/ is UI- and platform-free.' },
    ],
  },
  renderer: {
    paths: [{ name: 'electron', message: 'Only main/ imports electron; the renderer talks to it through window.kubeplan.' }, ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs sandboxed: no node modules.' }))],
    patterns: [
      { group: ['node:*'], message: 'The renderer runs sandboxed: no node:* modules.' },
      { group: ['**/main/**', '**/cli/**'], message: 'renderer/ imports shared/, never main/ or cli/.' },
    ],
  },
  main: {
    paths: [],
    patterns: [
      { group: ['**/renderer/**', '**/cli/**'], message: 'main/ imports shared/, never renderer/ or cli/.' },
      { group: ['react', 'react-dom', 'konva', 'react-konva', 'zustand'], message: 'main/ has no UI code.' },
    ],
  },
  cli: {
    paths: [{ name: 'electron', message: 'The CLI runs in plain Node: no electron.' }],
    patterns: [
      { group: ['**/renderer/**', '**/main/electron/**'], message: 'cli/ imports shared/ and main/core/ only.' },
    ],
  },
};

/**
 * Layers inside shared/, lowest first: a folder imports only the folders to its left (and itself).
 * ipc, the typed contract between renderer and main, is last: it may import any shared folder and
 * no shared folder imports it.
 */
export const SHARED_LAYERS = ['model', 'kinds', 'references', 'manifests', 'design', 'validation', 'simulation', 'lessons', 'ipc'];

const sharedLayerRules = (folder) => {
  const above = SHARED_LAYERS.slice(SHARED_LAYERS.indexOf(folder) + 1);
  if (above.length === 0) return layerRules.shared;
  return {
    paths: layerRules.shared.paths,
    patterns: [
      ...layerRules.shared.patterns,
      {
        regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
        message: `shared/${folder} sits below ${above.join(', ')} (docs/architecture.md, "Layers inside shared"): it imports only ${SHARED_LAYERS.slice(0, SHARED_LAYERS.indexOf(folder)).join(', ') || 'nothing of ours'}.`,
      },
    ],
  };
};

const restrict = (layer) => ({ 'no-restricted-imports': ['error', layerRules[layer]] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'bench-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } } },
  { files: ['shared/**/*.ts'], rules: restrict('shared') },
  ...SHARED_LAYERS.map((folder) => ({ files: [`shared/${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', sharedLayerRules(folder)] } })),
  { files: ['renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { ...restrict('renderer'), 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
  { files: ['main/**/*.ts'], rules: restrict('main') },
  { files: ['main/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'main/core/ is plain Node (shared with the CLI); electron lives in main/electron/.' }], patterns: layerRules.main.patterns }] } },
  { files: ['cli/**/*.ts'], rules: restrict('cli') },
);
