import { describe, expect, it } from 'vitest';
import { parsePeerOutput, pythonCandidates } from './pythonWithTorch';

describe('pythonCandidates', () => {
  const files: Record<string, string> = {
    '/usr/local/bin/python3': '/usr/bin/python3.11',
    '/usr/bin/python3': '/usr/bin/python3.11',
    '/opt/venv/bin/python3': '/opt/venv/bin/python3',
  };
  const exec = (path: string) => files[path] ?? null;

  it('takes PYTHON alone when it is set', () => {
    expect(pythonCandidates({ PYTHON: ' /x/python ', PATH: '/usr/bin' }, exec)).toEqual(['/x/python']);
  });

  it('lists every python3 on PATH in order, each real file once', () => {
    expect(pythonCandidates({ PATH: '/opt/venv/bin::/nowhere:/usr/local/bin:/usr/bin' }, exec)).toEqual([
      '/opt/venv/bin/python3',
      '/usr/local/bin/python3',
    ]);
    expect(pythonCandidates({ PYTHON: '', PATH: '/usr/bin' }, exec)).toEqual(['/usr/bin/python3']);
    expect(pythonCandidates({}, exec)).toEqual([]);
  });
});

describe('parsePeerOutput', () => {
  it('reads the step time, torch version and threads', () => {
    expect(parsePeerOutput('{"ms": 64.5, "torch": "1.13.1", "threads": 2}\n')).toEqual({
      ms: 64.5,
      framework: 'PyTorch 1.13.1',
      threads: 2,
    });
  });

  it('rejects anything else', () => {
    for (const out of ['', '64.5', '{"ms": 0, "torch": "1", "threads": 1}', '{"ms": 5, "threads": 1}', 'Traceback'])
      expect(parsePeerOutput(out)).toBeNull();
  });
});
