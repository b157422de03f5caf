import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import-boundary rule must fail a deliberate violation (and pass clean code), or it guards nothing.
const eslint = new ESLint({ cwd: process.cwd() });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries (eslint)', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;\n", /UI libraries/],
    ["import { App } from '../app/App';\nexport const x = App;\n", /must not import from src\/worker, src\/features, src\/app or cli/],
    ["import { LabWorkerClient } from '../../worker/labWorkerClient';\nexport const x = LabWorkerClient;\n", /src\/worker/],
    ["import { readDatasetFile } from '../../../cli/nodeDatasetReader';\nexport const x = readDatasetFile;\n", /or cli/],
    ['export const title = () => document.title;\n', /no DOM/],
  ])('rejects a core file that reaches upward or into the DOM: %s', async (code, expected) => {
    const messages = await lintAs('src/core/models/violation.ts', code);
    expect(messages.join('\n')).toMatch(expected);
  });

  it('accepts core code that only uses tfjs and core', async () => {
    const code =
      "import * as tf from '@tensorflow/tfjs';\nimport { createRng } from '../random/rng';\nexport const f = () => tf.scalar(createRng(1).next());\n";
    expect(await lintAs('src/core/models/fine.ts', code)).toEqual([]);
  });

  it('lets the UI layers import React', async () => {
    expect(await lintAs('src/features/x/fine.tsx', "import { useState } from 'react';\nexport const x = useState;\n")).toEqual([]);
  });
});
