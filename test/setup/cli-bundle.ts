// Tests spawn `node bin/kubeplan.mjs`, which runs the bundle in out/cli/: build it once here, before
// the test files run in parallel, instead of in every spawned process.
import { ensureCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await ensureCli();
}
