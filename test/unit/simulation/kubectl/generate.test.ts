// kubectl's generators (create deployment|namespace|configmap, run, expose): the hello-minikube
// tutorial's commands (kubernetes.io/docs/tutorials/hello-minikube) on the simulated cluster.
import { describe, expect, it } from 'vitest';
import { containerNameOf } from '../../../../shared/simulation/kubectl/verbs/generate';
import { cluster } from './setup';

describe('kubectl create deployment / expose / run', () => {
  it('runs the hello-minikube tutorial: create deployment, get, expose as LoadBalancer, get services', () => {
    const { kubectl } = cluster();
    const created = kubectl('create deployment hello-node --image=registry.k8s.io/e2e-test-images/agnhost:2.39 -- /agnhost netexec --http-port=8080');
    expect(created).toMatchObject({ exitCode: 0, stdout: 'deployment.apps/hello-node created\n', stderr: '' });
    expect(kubectl('get deployments').stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nhello-node\s+1\/1\s+1\s+1\s+/);
    const yaml = kubectl('get deployment hello-node -o json').stdout;
    const d = JSON.parse(yaml) as { spec: { selector: { matchLabels: Record<string, string> }; template: { spec: { containers: { name: string; command: string[] }[] } } } };
    expect(d.spec.selector.matchLabels).toEqual({ app: 'hello-node' });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'agnhost', command: ['/agnhost', 'netexec', '--http-port=8080'] });
    expect(kubectl('expose deployment hello-node --type=LoadBalancer --port=8080')).toMatchObject({ exitCode: 0, stdout: 'service/hello-node exposed\n' });
    const svc = JSON.parse(kubectl('get service hello-node -o json').stdout) as { spec: { type: string; selector: Record<string, string>; ports: { port: number; targetPort: number }[] } };
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', selector: { app: 'hello-node' }, ports: [{ port: 8080, targetPort: 8080 }] });
    expect(kubectl('create deployment hello-node --image=nginx')).toMatchObject({ exitCode: 1, stderr: 'Error from server (AlreadyExists): deployments.apps "hello-node" already exists\n' });
  });

  it('run makes a pod labelled run=NAME; create namespace and configmap; kubectl\'s errors', () => {
    const { kubectl } = cluster();
    expect(kubectl('run debug --image=busybox:1.36').stdout).toBe('pod/debug created\n');
    expect(kubectl('get pod debug --show-labels').stdout).toMatch(/run=debug/);
    expect(kubectl('create namespace lab').stdout).toBe('namespace/lab created\n');
    expect(kubectl('create configmap settings -n lab --from-literal=mode=dev --from-literal=level=2').stdout).toBe('configmap/settings created\n');
    expect(JSON.parse(kubectl('get cm settings -n lab -o json').stdout).data).toEqual({ mode: 'dev', level: '2' });
    expect(kubectl('create deployment web2').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(kubectl('expose deployment nope --port=80').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('refuses a user RBAC does not allow, with the upstream message', () => {
    const { kubectl } = cluster();
    kubectl('config use-context dev');
    expect(kubectl('create deployment x --image=nginx -n prod').stderr).toBe('Error from server (Forbidden): deployments.apps is forbidden: User "dev" cannot create resource "deployments" in API group "apps" in the namespace "prod"\n');
  });

  it('names the container after the image, as kubectl does', () => {
    expect(containerNameOf('registry.k8s.io/e2e-test-images/agnhost:2.39')).toBe('agnhost');
    expect(containerNameOf('nginx@sha256:abc')).toBe('nginx');
    expect(containerNameOf('busybox')).toBe('busybox');
  });
});

describe('kubectl label', () => {
  it('adds, overwrites only with --overwrite, and removes labels', () => {
    const { kubectl } = cluster();
    expect(kubectl('label deployment web -n shop tier=front').stdout).toBe('deployment.apps/web labeled\n');
    expect(kubectl('get deploy web -n shop --show-labels').stdout).toMatch(/tier=front/);
    expect(kubectl('label deploy/web -n shop tier=back').stderr).toBe("error: 'tier' already has a value (front), and --overwrite is false\n");
    expect(kubectl('label deploy/web -n shop tier=back --overwrite').exitCode).toBe(0);
    expect(kubectl('get deploy web -n shop --show-labels').stdout).toMatch(/tier=back/);
    kubectl('label deploy web -n shop tier-');
    expect(kubectl('get deploy web -n shop --show-labels').stdout).not.toMatch(/tier=/);
  });
});

describe('kubectl annotate', () => {
  it('adds, overwrites only with --overwrite, removes, and is refused as a patch', () => {
    const { kubectl } = cluster();
    expect(kubectl('annotate deployment web -n shop owner=team-a').stdout).toBe('deployment.apps/web annotated\n');
    expect(JSON.parse(kubectl('get deploy web -n shop -o json').stdout).metadata.annotations).toMatchObject({ owner: 'team-a' });
    expect(kubectl('annotate deploy/web -n shop owner=team-b').stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)\n");
    expect(kubectl('annotate deploy/web -n shop owner=team-b --overwrite').exitCode).toBe(0);
    kubectl('annotate deploy web -n shop owner-');
    expect(JSON.parse(kubectl('get deploy web -n shop -o json').stdout).metadata.annotations?.owner).toBeUndefined();
    expect(kubectl('annotate deploy web -n shop').stderr).toBe('error: at least one annotation update is required\n');
    kubectl('config use-context dev');
    expect(kubectl('annotate deploy web -n prod a=b').stderr).toMatch(/^Error from server \(Forbidden\): .*User "dev" cannot (get|patch) resource "deployments" in API group "apps" in the namespace "prod"\n$/);
  });

  it('kubernetes.io/change-cause names each revision in rollout history, and comes back with a rollback', () => {
    const { kubectl } = cluster();
    kubectl('annotate deployment web -n shop kubernetes.io/change-cause=first');
    kubectl('set image deployment/web web=nginx:1.28 -n shop');
    kubectl('annotate deployment web -n shop kubernetes.io/change-cause=upgrade --overwrite');
    expect(kubectl('rollout history deployment/web -n shop').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         upgrade\n\n');
    expect(kubectl('rollout undo deployment/web -n shop').exitCode).toBe(0);
    const d = JSON.parse(kubectl('get deploy web -n shop -o json').stdout) as { metadata: { annotations: Record<string, string> } };
    expect(d.metadata.annotations['kubernetes.io/change-cause']).toBe('first');
    expect(kubectl('rollout history deployment/web -n shop').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         upgrade\n3         first\n\n');
  });
});

describe('label and annotate read their arguments as kubectl does', () => {
  it('keys with a prefix (app.kubernetes.io/name=web) are changes, not resources; resources come first', () => {
    const { kubectl } = cluster();
    expect(kubectl('label deploy/web -n shop app.kubernetes.io/part-of=shop').stdout).toBe('deployment.apps/web labeled\n');
    expect(kubectl('get deploy web -n shop --show-labels').stdout).toMatch(/app\.kubernetes\.io\/part-of=shop/);
    expect(kubectl('label deploy/web -n shop app.kubernetes.io/part-of-').exitCode).toBe(0);
    expect(kubectl('get deploy web -n shop --show-labels').stdout).not.toMatch(/part-of/);
    expect(kubectl('label deploy a=b web -n shop').stderr).toBe('error: all resources must be specified before label changes: web\n');
  });
});

describe('kubectl create secret generic', () => {
  it('stores the literals base64-encoded, reads back through exec env and describe, and refuses other kinds of secret', () => {
    const { kubectl } = cluster();
    expect(kubectl('create secret generic db-pass -n shop --from-literal=password=s3cr€t --from-literal=user=app').stdout).toBe('secret/db-pass created\n');
    const s = JSON.parse(kubectl('get secret db-pass -n shop -o json').stdout) as { type: string; data: Record<string, string> };
    expect(s).toMatchObject({ type: 'Opaque', data: { password: 'czNjcuKCrHQ=', user: 'YXBw' } });
    expect(kubectl('get secret db-pass -n shop').stdout).toMatch(/^NAME\s+TYPE\s+DATA\s+AGE\ndb-pass\s+Opaque\s+2\s+/);
    expect(kubectl('create secret tls x -n shop').stderr).toBe('error: unknown command "tls" for "kubectl create secret"\n');
    expect(kubectl('create secret generic -n shop').stderr).toBe('error: exactly one NAME is required, got 0\n');
  });
});
