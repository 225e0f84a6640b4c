/** Building blocks for the default objects the kind modules create. */
import type { Container } from 'kubernetes-types/core/v1';

/** A container a user would be happy to start from: an image, a port, requests, limits and probes. */
export function defaultContainer(name: string, image = 'nginx:1.27', port = 80): Container {
  return {
    name,
    image,
    ports: [{ name: 'http', containerPort: port }],
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    },
    readinessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 2, periodSeconds: 5 },
    livenessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 10 },
  };
}
