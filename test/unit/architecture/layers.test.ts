import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule of docs/architecture.md is a lint check; these cases prove the check bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['shared/kinds/x.ts', "import { app } from 'electron';"],
    ['shared/kinds/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/kinds/x.ts', "import { readFileSync } from 'fs';"],
    ['shared/kinds/x.ts', "import { x } from '../../renderer/store';"],
    ['shared/kinds/x.ts', "import { x } from '../../main/core/files';"],
    ['shared/kinds/x.ts', "import React from 'react';"],
    ['renderer/App.tsx', "import { x } from '../main/core/files';"],
    ['renderer/App.tsx', "import { ipcRenderer } from 'electron';"],
    ['main/core/files.ts', "import { x } from '../../renderer/store';"],
    ['main/core/files.ts', "import { app } from 'electron';"],
    ['cli/main.ts', "import { app } from 'electron';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport const y = x;\n`)).not.toEqual([]);
  });

  it.each([
    ['shared/kinds/x.ts', "import { parseQuantity } from '../model/quantity';"],
    ['renderer/App.tsx', "import { parseQuantity } from '../shared/model/quantity';"],
    ['main/electron/index.ts', "import { app } from 'electron';"],
    ['main/core/files.ts', "import { readFileSync } from 'node:fs';"],
    ['cli/main.ts', "import { x } from '../main/core/files';"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport const y = 1;\n`)).toEqual([]);
  });
});

describe('layers inside shared (model → kinds → references → manifests → design → validation → simulation → ipc)', () => {
  it.each([
    ['shared/model/x.ts', "import { getKindModule } from '../kinds/registry';"],
    ['shared/kinds/x.ts', "import { podSpecRules } from '../references/rules/podSpec';"],
    ['shared/kinds/x.ts', "import { x } from '../references';"],
    ['shared/references/rules/x.ts', "import { layoutDesign } from '../../design/layout';"],
    ['shared/manifests/x.ts', "import { layoutDesign } from '../design/layout';"],
    ['shared/design/x.ts', "import { validateObjects } from '../validation';"],
    ['shared/validation/x.ts', "import { simulate } from '../simulation/simulate';"],
    ['shared/simulation/controllers/x.ts', "import { x } from '../../ipc/schemas';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport const y = x;\n`)).not.toEqual([]);
  });

  it.each([
    ['shared/kinds/x.ts', "import { apiGroup } from '../model/object';"],
    ['shared/kinds/x.ts', "import { podSpecReferences } from './references';"],
    ['shared/references/rules/x.ts', "import { getKindInfo } from '../../kinds/registry';"],
    ['shared/design/x.ts', "import { parseManifests } from '../manifests/parse';"],
    ['shared/simulation/controllers/x.ts', "import { getKindInfo } from '../../kinds/registry';"],
    ['shared/ipc/x.ts', "import { simulate } from '../simulation/simulate';"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations(file, `${code}\nexport const y = 1;\n`)).toEqual([]);
  });
});
