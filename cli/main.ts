/** Entry of the `kubeplan` command line. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  console.error(`kubeplan: no commands yet (${argv.join(' ')})`);
  return 2;
}
