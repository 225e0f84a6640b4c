/**
 * Every UI string has a Simplified Chinese translation: key parity across every string bundle
 * (the shell's dictionaries, the canvas group, the native menu's words), every `t('literal')` key
 * exists, no renderer .tsx puts a bare English literal into JSX text or a user-facing attribute,
 * and Kubernetes' own messages and the problems' hints have a Chinese explanation.
 * A failure names the missing key and the file to add it to, so a merge is quick to fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { canvasStrings } from '../../../renderer/canvas/strings';
import { hintInChinese } from '../../../renderer/i18n/hints';
import { en } from '../../../renderer/i18n/en';
import { explainUpstream } from '../../../renderer/i18n/upstream';
import { zhCN } from '../../../renderer/i18n/zh-CN';
import { hostStrings } from '../../../main/electron/strings';
import { validateObjects } from '../../../shared/validation';
import type { KubeObject } from '../../../shared/model/object';

const ROOT = path.resolve(__dirname, '../../..');

function leaves(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of leaves(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Each bundle: where its English and Chinese live, and the prefix its keys have in i18next. */
const BUNDLES = [
  { name: 'shell', prefix: '', enFile: 'renderer/i18n/en.ts', zhFile: 'renderer/i18n/zh-CN.ts', en: en as Record<string, unknown>, zh: zhCN as Record<string, unknown> },
  { name: 'canvas', prefix: 'canvas.', enFile: 'renderer/canvas/strings.ts (en)', zhFile: 'renderer/canvas/strings.ts (zh)', en: canvasStrings.en as Record<string, unknown>, zh: canvasStrings.zh as Record<string, unknown> },
  { name: 'native menu', prefix: 'menu:', enFile: 'main/electron/strings.ts (en)', zhFile: 'main/electron/strings.ts (zhCN)', en: { ...hostStrings('en') } as Record<string, unknown>, zh: { ...hostStrings('zh-CN') } as Record<string, unknown> },
];

/** i18next's plural suffixes: `count_one` and `count_other` both answer `count`. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('string bundles: English and Simplified Chinese have the same keys', () => {
  for (const b of BUNDLES) {
    it(`${b.name}: every English key has a Chinese one and the reverse, none empty, same {{placeholders}}`, () => {
      const a = leaves(b.en);
      const z = leaves(b.zh);
      const missing = [...a.keys()].filter((k) => !z.has(k)).map((k) => `missing zh-CN ${b.prefix}${k} — add it to ${b.zhFile} (English: ${JSON.stringify(a.get(k))})`);
      const extra = [...z.keys()].filter((k) => !a.has(k)).map((k) => `no English for ${b.prefix}${k} — add it to ${b.enFile} or remove it from ${b.zhFile}`);
      expect([...missing, ...extra]).toEqual([]);
      const empty = [...z].filter(([, v]) => v.trim() === '').map(([k]) => `empty zh-CN ${b.prefix}${k} in ${b.zhFile}`);
      expect(empty).toEqual([]);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
      const mismatched = [...a].filter(([k, v]) => z.has(k) && vars(z.get(k)!) !== vars(v)).map(([k]) => `${b.prefix}${k}: placeholders differ between ${b.enFile} and ${b.zhFile}`);
      expect(mismatched).toEqual([]);
    });
  }
});

function rendererFiles(ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (ext.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'renderer'));
  return out.sort();
}

const USER_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription']);

/**
 * Literals that are not English prose: Kubernetes kind and API names, key caps, protocol and
 * upstream enum values (kubernetes.io keeps them in English in its zh-cn pages too).
 * `file: text` — keep it short; a new entry needs a reason.
 */
const ALLOWED = new Set([
  'renderer/panels/inspector/PolicyFields.tsx: NetworkPolicy', // a kind name as a section title
  'renderer/panels/inspector/QuotaFields.tsx: HorizontalPodAutoscaler',
  'renderer/panels/inspector/ServiceFields.tsx: Service',
  'renderer/shell/PresenterBar.tsx: Esc', // a key cap
  'renderer/simulation/EventsTab.tsx: Normal', // Event .type values, verbatim
  'renderer/simulation/EventsTab.tsx: Warning',
  'renderer/simulation/EventsTab.tsx: $ kubectl apply ·', // the command as typed
  'renderer/simulation/LiveActions.tsx: Ctrl+Shift+Enter',
  'renderer/simulation/LiveActions.tsx: Ctrl+Enter',
  'renderer/simulation/LiveActions.tsx: 1500m', // a CPU quantity as the API writes it
  'renderer/simulation/LiveReadOnly.tsx: Ctrl+Enter',
  'renderer/simulation/overlay/SimulationHud.tsx: PreFilter', // the scheduler's extension point
  'renderer/traffic/TrafficPanel.tsx: TCP',
  'renderer/traffic/TrafficPanel.tsx: UDP',
  'renderer/traffic/TrafficPanel.tsx: SCTP',
]);

interface Finding { file: string; line: number; text: string; where: string }

function scanJsx(file: string): Finding[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && /[A-Za-z]{2,}/.test(n.text)) out.push({ file: rel, line: line(n), text: n.text.trim(), where: 'JSX text' });
    if (ts.isJsxAttribute(n) && USER_ATTRIBUTES.has(n.name.getText()) && n.initializer) {
      let v: ts.Node | undefined = n.initializer;
      if (ts.isJsxExpression(v)) v = v.expression;
      if (v && (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) && /[A-Za-z]/.test(v.text)) out.push({ file: rel, line: line(n), text: v.text, where: `${n.name.getText()}=` });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('renderer source: no UI text bypasses i18n', () => {
  it('no bare English in JSX text or in title / aria-label / placeholder / alt / label', () => {
    const findings = rendererFiles(/\.tsx$/).flatMap(scanJsx);
    const bare = findings.filter((f) => !ALLOWED.has(`${f.file}: ${f.text}`)).map((f) => `${f.file}:${f.line} ${f.where} ${JSON.stringify(f.text)} — use t('…') and add the key to renderer/i18n/en.ts and zh-CN.ts`);
    expect(bare).toEqual([]);
  });

  it('the scan finds what it is meant to find (a bare literal and a bare title)', () => {
    const tmp = path.join(ROOT, 'renderer', '__scan_probe__.tsx');
    fs.writeFileSync(tmp, 'export const X = () => <div title="Close the lesson">Hello there</div>;\n');
    try {
      expect(scanJsx(tmp).map((f) => f.text)).toEqual(['Close the lesson', 'Hello there']);
    } finally {
      fs.rmSync(tmp);
    }
  });

  it("every t('literal key') in the renderer names a key English and Chinese both have", () => {
    // A key names a string or (returnObjects) a group: every prefix of a leaf counts.
    const keys = (main: Record<string, unknown>, canvas: Record<string, unknown>) => {
      const all = [...leaves(main)].map(([k]) => base(k)).concat([...leaves(canvas)].map(([k]) => `canvas.${base(k)}`));
      return new Set(all.flatMap((k) => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    };
    const a = keys(en, canvasStrings.en);
    const z = keys(zhCN, canvasStrings.zh);
    const bad: string[] = [];
    for (const file of rendererFiles(/\.tsx?$/)) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) {
        const key = m[1]!;
        const lineNo = text.slice(0, m.index).split('\n').length;
        if (!a.has(key)) bad.push(`${rel}:${lineNo} t('${key}') has no English — add it to renderer/i18n/en.ts`);
        if (!z.has(key)) bad.push(`${rel}:${lineNo} t('${key}') has no Chinese — add it to renderer/i18n/zh-CN.ts`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('Kubernetes messages stay English with a Chinese explanation beside them', () => {
  const upstream = [
    '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    '0/3 nodes are available: 1 node(s) had untolerated taint {gpu: true}, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    'Successfully assigned shop/web-5d9c8-abcde to node-1',
    'Created pod: web-5d9c8-abcde',
    'Scaled up replica set web-5d9c8 from 0 to 3',
    'Container image "nginx:1.27" already present on machine',
    'Created container: web',
    'Started container web',
    'Back-off restarting failed container web in pod web-1_shop(1234)',
    'Error creating: pods "web-5d9c8-x" is forbidden: exceeded quota: team-a, requested: cpu=500m, used: cpu=2, limited: cpu=2',
    'Successfully provisioned volume pvc-1',
  ];
  it('each message of the table has an explanation that keeps the names verbatim', () => {
    for (const m of upstream) expect(explainUpstream(m), m).toMatch(/[\u4e00-\u9fff]/);
    expect(explainUpstream(upstream[1]!)).toContain('gpu: true');
    expect(explainUpstream(upstream[1]!)).toContain('节点亲和性');
    expect(explainUpstream(upstream[2]!)).toContain('node-1');
    expect(explainUpstream(upstream[9]!)).toContain('ResourceQuota team-a'); // the refusal, not the wrapper
    expect(explainUpstream('Error creating: something new')).toContain('原文');
    expect(explainUpstream('Insufficient cpu, Insufficient memory')).toContain('cpu'); // one node's reasons (why-not table)
    expect(explainUpstream('Something no pattern knows')).toBeUndefined();
  });

  it('every problem of a corpus of broken objects has a Chinese explanation, and every hint a translation', () => {
    const ns = (name: string, kind: string, rest: Record<string, unknown>, namespace = 'shop'): KubeObject =>
      ({ apiVersion: kind === 'Deployment' ? 'apps/v1' : kind === 'Ingress' ? 'networking.k8s.io/v1' : 'v1', kind, metadata: { name, namespace }, ...rest }) as KubeObject;
    const corpus: KubeObject[] = [
      ns('Web_App', 'Deployment', { spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'web', image: '', envFrom: [{ configMapRef: { name: 'missing' } }], resources: { requests: { cpu: 'lots' } } }] } } } }),
      ns('web', 'Service', { spec: { selector: { app: 'nobody' }, ports: [{ port: 80, targetPort: 70000 }] } }),
      ns('in', 'Ingress', { spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'absent', port: { number: 80 } } } }] } }] } }),
      ns('data', 'PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName: 'pv-gone' } }),
      ns('bad label', 'ConfigMap', { metadata: { name: 'cfg', namespace: 'shop', labels: { 'a b': 'c d' } } }),
    ];
    const problems = validateObjects(corpus);
    expect(problems.length).toBeGreaterThan(5);
    const ruleText = leaves(zhCN.problemRules as Record<string, unknown>);
    const unexplained = problems.filter((p) => !explainUpstream(p.message) && !ruleText.has(p.rule)).map((p) => `rule ${p.rule}: ${p.message} — add a pattern to renderer/i18n/upstream.ts or problemRules.${p.rule} to renderer/i18n/zh-CN.ts`);
    expect(unexplained).toEqual([]);
    const untranslated = problems.filter((p) => p.hint && !hintInChinese(p.hint)).map((p) => `hint ${JSON.stringify(p.hint)} — add a pattern to renderer/i18n/hints.ts`);
    expect(untranslated).toEqual([]);
  });
});
