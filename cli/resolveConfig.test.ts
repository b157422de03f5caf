import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './parseArgs';
import { parseConfigFile, resolveConfig } from './resolveConfig';

async function configFile(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cfg-')), 'c.json');
  await writeFile(path, text);
  return path;
}

describe('resolveConfig (everything checked before training)', () => {
  it.each([
    ['null', 'holds null'],
    ['5', 'holds a number (5)'],
    ['[1,2]', 'holds an array'],
    ['"steps"', 'holds a string ("steps")'],
  ])('refuses a config file holding %s: it must be a JSON object', (text, holds) => {
    expect(() => parseConfigFile('c.json', text)).toThrow(
      `config: c.json ${holds}; a config file must be a JSON object of settings, e.g. {"steps": 200, "labelNoise": 0.3}`,
    );
  });

  it('names a step count too large to be a number, not "null"', async () => {
    const path = await configFile('{"steps": 1e999}');
    await expect(resolveConfig(parseArgs(['--config', path]))).rejects.toThrow(
      'steps: Infinity is not a finite number (numbers beyond ±1.8e308, such as 1e999, read as Infinity); expected an integer from 1 to 100000',
    );
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('refuses an inherited name as a config key: %s', async (key) => {
    const path = await configFile(`{"${key}": 1, "steps": 10, "evalEvery": 5}`);
    await expect(resolveConfig(parseArgs(['--config', path, '--preset', 'none']))).rejects.toThrow(
      `${key}: unknown setting; known settings: dataset, trainSize`,
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'valueOf'])('refuses an inherited name as a preset: --preset %s', async (name) => {
    await expect(resolveConfig(parseArgs(['--preset', name]))).rejects.toThrow(
      `preset: "${name}" is not a preset; allowed values: noisy-labels, clean`,
    );
  });

  it('accepts a good file and layers flags over it', async () => {
    const path = await configFile('{"steps": 10, "evalEvery": 5, "seed": 3}');
    const resolved = await resolveConfig(parseArgs(['--config', path, '--preset', 'micro', '--seed', '4']));
    expect(resolved.config).toMatchObject({ steps: 10, evalEvery: 5, seed: 4, learner: 'ViT-Mi/4' });
    expect(Object.hasOwn(resolved.config, 'toString')).toBe(false);
  });
});
