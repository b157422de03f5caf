import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { GENERATED_MODULE, generatedModuleText, readTorchSources } from './torchSources';

/** `npm run torch:sources`: rewrites src/core/export/torchSources.generated.ts from cli/torch/*.py. */
const sources = readTorchSources();
writeFileSync(GENERATED_MODULE, generatedModuleText(sources));
execFileSync('npx', ['prettier', '--write', GENERATED_MODULE], { stdio: 'inherit' });
console.log(`wrote ${GENERATED_MODULE} (${Object.keys(sources).length} files)`);
