/** Small builders for the objects validation tests write, in the shapes users write them. */
import type { KubeObject } from '../../../shared/model/object';
import type { Problem } from '../../../shared/validation';

type Obj = Record<string, unknown>;

export function deployment(name: string, ns = 'shop', opts: { labels?: Obj; selector?: Obj; containers?: Obj[] } = {}): KubeObject {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 2,
      selector: opts.selector ?? { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: opts.containers ?? [container(name)] },
      },
    },
  };
}

export function container(name: string, extra: Obj = {}): Obj {
  return {
    name,
    image: 'nginx:1.27',
    ports: [{ name: 'http', containerPort: 80 }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    ...extra,
  };
}

export function service(name: string, ns = 'shop', selector: Obj | undefined = { app: name }, ports: Obj[] = [{ name: 'http', port: 80, targetPort: 'http' }]): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { ...(selector ? { selector } : {}), ports } };
}

export function object(apiVersion: string, kind: string, name: string, ns: string | undefined, rest: Obj = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(ns ? { namespace: ns } : {}) }, ...rest };
}

/** The problems of one rule, as `path: message` lines, for compact assertions. */
export function lines(problems: Problem[], rule?: string): string[] {
  return problems.filter((p) => !rule || p.rule === rule).map((p) => `${p.kind} ${p.name} ${p.path}: ${p.message}`);
}

/** A loosely typed view of an object, for tests that break fields on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loose(o: unknown): any {
  return o;
}
