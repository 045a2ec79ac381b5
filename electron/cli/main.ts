// Placeholder entry so the skeleton builds; the real command lands with the core.
process.stdout.write('cloudid: not implemented yet\n');
process.exitCode = 2;
