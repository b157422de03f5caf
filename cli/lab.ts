// Placeholder until the core engine lands: prints usage.
console.log('Usage: npm run lab -- [--preset NAME] [--flag value ...] [--out DIR] [--backend wasm|cpu]');
console.log('The experiment runner arrives with the core engine; see README.md.');
