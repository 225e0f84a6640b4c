import type { CliCommand } from '../main';
import { connectivityCommand } from './connectivity';
import { explainCommand } from './explain';
import { exportCommand } from './export';
import { importCommand } from './import';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

export const COMMANDS: CliCommand[] = [exportCommand, importCommand, validateCommand, simulateCommand, connectivityCommand, explainCommand];
