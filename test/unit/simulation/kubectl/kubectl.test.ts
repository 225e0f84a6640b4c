// Golden tests: kubectl's output formats for get, describe, rollout, auth, apply, exec and errors.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../../shared/manifests';
import { mutates, commandWords } from '../../../../shared/simulation/kubectl';
import { cluster } from './setup';

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: shop}
data: {mode: fast, "app.conf": "listen 80\\n"}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data: {password: czNjcjN0}
`;

const files = (text: string) => (path: string) => (path === 'config.yaml' ? { objects: parseManifests(text, path).objects.map((o) => o.object) } : undefined);

describe('kubectl get', () => {
  it('prints each kind\'s columns, -A, -o wide, -o name', () => {
    const { kubectl } = cluster();
    expect(kubectl('get pods -n shop').stdout).toMatchInlineSnapshot(`
      "NAME                   READY   STATUS    RESTARTS   AGE
      web-7986f8788c-nhsct   1/1     Running   0          1s
      web-7986f8788c-w97r4   1/1     Running   0          1s
      "
    `);
    expect(kubectl('get deploy,svc -n shop -o wide').stdout).toMatchInlineSnapshot(`
      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
      deployment.apps/web   2/2     2            2           1s    web          nginx:1.27   app=web

      NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR
      service/web   ClusterIP   10.96.0.1    <none>        80/TCP    1s    app=web
      "
    `);
    expect(kubectl('get pods -A -o wide').stdout).toMatchInlineSnapshot(`
      "NAMESPACE   NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
      shop        web-7986f8788c-nhsct   1/1     Running   0          1s    10.244.1.2   node-2   <none>           <none>
      shop        web-7986f8788c-w97r4   1/1     Running   0          1s    10.244.2.2   node-3   <none>           <none>
      "
    `);
    expect(kubectl('get nodes').stdout).toMatchInlineSnapshot(`
      "NAME     STATUS   ROLES    AGE   VERSION
      node-1   Ready    <none>   1s    v1.34.0
      node-2   Ready    <none>   1s    v1.34.0
      node-3   Ready    <none>   1s    v1.34.0
      "
    `);
    expect(kubectl('get deployments.apps -n shop -o name').stdout).toBe('deployment.apps/web\n');
    expect(kubectl('get ns').stdout).toMatchInlineSnapshot(`
      "NAME          STATUS   AGE
      default       Active   1s
      kube-system   Active   1s
      prod          Active   1s
      shop          Active   1s
      "
    `);
  });

  it('-l filters, -o yaml/json print the object, empty lists go to stderr', () => {
    const { kubectl } = cluster();
    expect(kubectl('get pods -n shop -l app=nope')).toMatchObject({ stdout: '', stderr: 'No resources found in shop namespace.\n', exitCode: 0 });
    expect(kubectl('get po -n shop -l app=web --no-headers').stdout.split('\n').filter(Boolean)).toHaveLength(2);
    const yaml = kubectl('get svc web -n shop -o yaml').stdout;
    expect(yaml.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n')).toBe(true);
    expect(JSON.parse(kubectl('get deploy -n shop -o json').stdout)).toMatchObject({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Deployment', metadata: { name: 'web' } }] });
  });

  it('errors as kubectl prints them', () => {
    const { kubectl } = cluster();
    expect(kubectl('get foo')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    expect(kubectl('get deployment x -n shop')).toMatchObject({ stderr: 'Error from server (NotFound): deployments.apps "x" not found\n', exitCode: 1 });
    expect(kubectl('get pods --bogus')).toMatchObject({ stderr: 'error: unknown flag: --bogus\n', exitCode: 1 });
    expect(kubectl('frobnicate')).toMatchObject({ stderr: 'error: unknown command "frobnicate" for "kubectl"\n', exitCode: 1 });
    expect(kubectl('get pods -o table')).toMatchObject({ exitCode: 1 });
  });
});

describe('kubectl describe', () => {
  it('Deployment, Pod, Service and Node, with Events at the bottom', () => {
    const { kubectl } = cluster();
    expect(kubectl('describe deployment web -n shop').stdout).toMatchInlineSnapshot(`
      "Name:                   web
      Namespace:              shop
      CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000
      Labels:                 <none>
      Annotations:            deployment.kubernetes.io/revision: 1
      Selector:               app=web
      Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
      StrategyType:           RollingUpdate
      MinReadySeconds:        0
      RollingUpdateStrategy:  25% max unavailable, 25% max surge
      Pod Template:
        Labels:  app=web
        Containers:
         web:
          Image:      nginx:1.27
          Port:       80/TCP
          Host Port:  0/TCP
          Requests:
            cpu:         100m
            memory:      64Mi
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    True    NewReplicaSetAvailable
      OldReplicaSets:  <none>
      NewReplicaSet:   web-7986f8788c (2/2 replicas created)
      Events:
        Type    Reason             Age   From                   Message
        ----    ------             ----  ----                   -------
        Normal  ScalingReplicaSet  1s    deployment-controller  Scaled up replica set web-7986f8788c from 0 to 2
      "
    `);
    const pod = kubectl('get pods -n shop -o name').stdout.split('\n')[0];
    expect(kubectl(`describe ${pod} -n shop`).stdout).toMatchInlineSnapshot(`
      "Name:             web-7986f8788c-nhsct
      Namespace:        shop
      Priority:         0
      Service Account:  default
      Node:             node-2/192.168.49.3
      Start Time:       Thu, 01 Jan 2026 00:00:01 +0000
      Labels:           app=web
                        pod-template-hash=7986f8788c
      Annotations:      <none>
      Status:           Running
      IP:               10.244.1.2
      IPs:
        IP:           10.244.1.2
      Controlled By:  ReplicaSet/web-7986f8788c
      Containers:
        web:
          Image:          nginx:1.27
          Image ID:       
          Port:           80/TCP
          Host Port:      0/TCP
          State:          Running
            Started:      Thu, 01 Jan 2026 00:00:01 +0000
          Ready:          True
          Restart Count:  0
          Requests:
            cpu:        100m
            memory:     64Mi
          Environment:  <none>
          Mounts:       <none>
      Conditions:
        Type                       Status
        PodReadyToStartContainers  True
        Initialized                True
        Ready                      True
        ContainersReady            True
        PodScheduled               True
      Volumes:                     <none>
      QoS Class:                   BestEffort
      Node-Selectors:              <none>
      Tolerations:                 <none>
      Events:
        Type    Reason     Age   From               Message
        ----    ------     ----  ----               -------
        Normal  Scheduled  1s    default-scheduler  Successfully assigned shop/web-7986f8788c-nhsct to node-2
        Normal  Pulled     0s    kubelet            Container image "nginx:1.27" already present on machine
        Normal  Created    0s    kubelet            Created container: web
        Normal  Started    0s    kubelet            Started container web
      "
    `);
    expect(kubectl('describe svc web -n shop').stdout).toMatchInlineSnapshot(`
      "Name:                     web
      Namespace:                shop
      Labels:                   <none>
      Annotations:              <none>
      Selector:                 app=web
      Type:                     ClusterIP
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       10.96.0.1
      IPs:                      10.96.0.1
      Port:                     <unset>  80/TCP
      TargetPort:               80/TCP
      Endpoints:                10.244.1.2:80,10.244.2.2:80
      Session Affinity:         None
      Internal Traffic Policy:  Cluster
      Events:                   <none>
      "
    `);
    const node = kubectl('describe node node-1').stdout;
    expect(node).toContain('Name:               node-1\n');
    expect(node).toContain('Non-terminated Pods:');
  });
});

describe('kubectl writes', () => {
  it('apply -f: created, unchanged, configured; create refuses an existing object', () => {
    const { kubectl } = cluster();
    expect(kubectl('apply -f config.yaml', files(CONFIG)).stdout).toBe('configmap/web-config created\nsecret/db created\n');
    expect(kubectl('apply -f config.yaml', files(CONFIG)).stdout).toBe('configmap/web-config unchanged\nsecret/db unchanged\n');
    expect(kubectl('apply -f config.yaml', files(CONFIG.replace('fast', 'slow'))).stdout).toBe('configmap/web-config configured\nsecret/db unchanged\n');
    expect(kubectl('create -f config.yaml', files(CONFIG))).toMatchObject({ stderr: 'Error from server (AlreadyExists): error when creating "config.yaml": configmaps "web-config" already exists\nError from server (AlreadyExists): error when creating "config.yaml": secrets "db" already exists\n', exitCode: 1 });
    expect(kubectl('apply -f nope.yaml', files(CONFIG)).stderr).toBe('error: the path "nope.yaml" does not exist\n');
    expect(kubectl('apply -f -', undefined, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: pasted, namespace: shop}\n').stdout).toBe('configmap/pasted created\n');
    expect(kubectl('apply -n prod -f config.yaml', files(CONFIG)).stderr).toBe('error: the namespace from the provided object "shop" does not match the namespace "prod". You must pass \'--namespace=shop\' to perform this operation.\n');
  });

  it('scale, set image, rollout status/history/undo, delete', () => {
    const { kubectl, sim } = cluster();
    expect(kubectl('scale deploy/web --replicas=4 -n shop').stdout).toBe('deployment.apps/web scaled\n');
    expect(sim.cluster.store.list('Pod', 'shop').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(4);
    expect(kubectl('set image deployment/web web=nginx:1.28 -n shop').stdout).toBe('deployment.apps/web image updated\n');
    expect(kubectl('rollout status deployment/web -n shop').stdout).toBe('deployment "web" successfully rolled out\n');
    expect(kubectl('rollout history deployment/web -n shop').stdout).toMatchInlineSnapshot(`
      "deployment.apps/web 
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>

      "
    `);
    expect(kubectl('rollout undo deployment/web -n shop').stdout).toBe('deployment.apps/web rolled back\n');
    expect(kubectl('get deploy web -n shop -o wide').stdout).toContain('nginx:1.27');
    expect(kubectl('set image deployment/web nope=x -n shop').stderr).toBe('error: unable to find container named "nope"\n');
    expect(kubectl('delete deployment web -n shop').stdout).toBe('deployment.apps "web" deleted\n');
    expect(kubectl('delete deployment web -n shop').stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
  });

  it('cordon, drain, uncordon', () => {
    const { kubectl, sim } = cluster();
    const node = sim.cluster.store.list('Pod', 'shop')[0].spec as { nodeName: string };
    expect(kubectl(`cordon ${node.nodeName}`).stdout).toBe(`node/${node.nodeName} cordoned\n`);
    expect(kubectl(`cordon ${node.nodeName}`).stdout).toBe(`node/${node.nodeName} already cordoned\n`);
    const drained = kubectl(`drain ${node.nodeName} --ignore-daemonsets`);
    expect(drained.stdout).toMatch(new RegExp(`^node/${node.nodeName} already cordoned\nevicting pod shop/web-`));
    expect(drained.stdout.endsWith(`node/${node.nodeName} drained\n`)).toBe(true);
    expect(sim.cluster.store.podsOnNode(node.nodeName)).toHaveLength(0);
    expect(kubectl('get nodes').stdout).toContain(`${node.nodeName}   Ready,SchedulingDisabled`);
    expect(kubectl(`uncordon ${node.nodeName}`).stdout).toBe(`node/${node.nodeName} uncordoned\n`);
  });
});

describe('kubectl auth, config, exec', () => {
  it('auth can-i and --list', () => {
    const { kubectl } = cluster();
    expect(kubectl('auth can-i create deployments -n shop')).toMatchObject({ stdout: 'yes\n', exitCode: 0 });
    expect(kubectl('auth can-i create deployments -n shop --as dev')).toMatchObject({ stdout: 'no\n', exitCode: 1 });
    expect(kubectl('auth can-i --list --as dev').stdout).toMatchInlineSnapshot(`
      "Resources                                       Non-Resource URLs   Resource Names   Verbs
      selfsubjectreviews.authentication.k8s.io        []                  []               [create]
      selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]
      selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]
                                                      [/api/*]            []               [get]
                                                      [/api]              []               [get]
                                                      [/apis/*]           []               [get]
                                                      [/apis]             []               [get]
                                                      [/healthz]          []               [get]
                                                      [/livez]            []               [get]
                                                      [/openapi/*]        []               [get]
                                                      [/openapi]          []               [get]
                                                      [/readyz]           []               [get]
                                                      [/version/]         []               [get]
                                                      [/version]          []               [get]
      "
    `);
    expect(kubectl('auth can-i --list').stdout.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "Resources                                       Non-Resource URLs   Resource Names   Verbs
      *.*                                             []                  []               [*]
                                                      [*]                 []               [*]"
    `);
  });

  it('config contexts', () => {
    const { kubectl } = cluster();
    expect(kubectl('config get-contexts').stdout).toMatchInlineSnapshot(`
      "CURRENT   NAME      CLUSTER    AUTHINFO   NAMESPACE
      *         admin     kubeplan   admin      default
                dev       kubeplan   dev        shop
                ops       kubeplan   ops        default
      "
    `);
    expect(kubectl('config use-context nobody').stderr).toBe('error: no context exists with the name: "nobody"\n');
    kubectl('config use-context dev');
    expect(kubectl('config current-context').stdout).toBe('dev\n');
  });

  it('exec: env, cat of a mounted ConfigMap and Secret, curl through the network model', () => {
    const config = parseManifests(CONFIG, 'config.yaml').objects.map((o) => o.object);
    const client = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'shop', labels: { app: 'client' } },
      spec: {
        containers: [{ name: 'sh', image: 'busybox', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'mode' } } }], volumeMounts: [{ name: 'cfg', mountPath: '/etc/web' }, { name: 'sec', mountPath: '/etc/db' }] }],
        volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }, { name: 'sec', secret: { secretName: 'db' } }],
      },
    };
    const { kubectl } = cluster([...config, client]);
    const env = kubectl('exec client -n shop -- env').stdout;
    expect(env).toContain('HOSTNAME=client\nMODE=fast\n');
    expect(env).toMatch(/WEB_SERVICE_HOST=10\.96\.\d+\.\d+\n/);
    expect(kubectl('exec -n shop client -- cat /etc/web/app.conf').stdout).toBe('listen 80\n');
    expect(kubectl('exec -n shop client -- cat /etc/db/password').stdout).toBe('s3cr3t');
    expect(kubectl('exec -n shop client -- ls /etc/web').stdout).toBe('app.conf\nmode\n');
    expect(kubectl('exec -n shop client -- cat /etc/passwd')).toMatchObject({ stdout: 'cat: /etc/passwd: No such file or directory\n', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
    expect(kubectl('exec -n shop client -- curl -s http://web')).toMatchObject({ exitCode: 0 });
    expect(kubectl('exec -n shop client -- curl -s http://nothere')).toMatchObject({ stdout: 'curl: (6) Could not resolve host: nothere\n', exitCode: 6 });
    expect(kubectl('exec -n shop client -- vi')).toMatchObject({ exitCode: 1 });
  });

  it('exec: a NetworkPolicy denies the request and curl times out', () => {
    const deny = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] } };
    const client = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'shop' }, spec: { containers: [{ name: 'sh', image: 'busybox' }] } };
    const { kubectl } = cluster([deny, client]);
    expect(kubectl('exec -n shop client -- curl http://web.shop.svc.cluster.local')).toMatchObject({ stdout: 'curl: (28) Failed to connect to web.shop.svc.cluster.local port 80 after 10002 ms: Timeout was reached\n', stderr: 'command terminated with exit code 28\n', exitCode: 28 });
    expect(kubectl('exec -n shop client -- wget -qO- web').stdout).toBe('wget: download timed out\n');
  });
});

describe('command lines', () => {
  it('splits like a shell, drops a leading kubectl, knows which commands change the cluster', () => {
    expect(commandWords(`kubectl get pods -l 'app in (a, b)'`)).toEqual(['get', 'pods', '-l', 'app in (a, b)']);
    expect(mutates(['get', 'pods'])).toBe(false);
    expect(mutates(['-n', 'shop', 'scale', 'deploy/web', '--replicas=2'])).toBe(true);
    expect(mutates(['rollout', 'status', 'deploy/web'])).toBe(false);
    expect(mutates(['rollout', 'undo', 'deploy/web'])).toBe(true);
  });
});
