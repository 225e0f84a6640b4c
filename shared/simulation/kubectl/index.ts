/** kubectl over the simulated API server (docs/kubectl.md). */
export { runKubectl, runKubectlLine, commandWords, contextsOf, usersOf, mutates, follows, CLUSTER_NAME } from './run';
export { allVerbs, getVerb, registerVerb, KubectlError, type KubeContext, type KubectlEnv, type KubectlOutput, type VerbContext, type VerbSpec, type FileReader, type LogWindow } from './types';
export { tokenize } from './argv';
