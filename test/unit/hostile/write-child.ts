// Child process for the kill -9 test: saves the two texts given in files over the target, alternately, until killed.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../main/core/files';

const [target, a, b] = process.argv.slice(2) as [string, string, string];
const texts = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
process.stdout.write('ready\n');
for (let i = 0; ; i++) await writeFileAtomic(target, texts[i % 2]!);
