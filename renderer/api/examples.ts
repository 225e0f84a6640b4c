/** The examples shipped with the app, bundled as text so the browser build needs no server. */
import index from '../../assets/examples/index.json';

export interface ExampleEntry {
  id: string;
  file: string;
  title: { en: string; 'zh-CN': string };
  description: { en: string; 'zh-CN': string };
}

export const EXAMPLES: ExampleEntry[] = index.examples;

const texts = import.meta.glob('../../assets/examples/*.kubeplan.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function exampleText(id: string): string | undefined {
  const entry = EXAMPLES.find((e) => e.id === id);
  return entry ? texts[`../../assets/examples/${entry.file}`] : undefined;
}
