// The answers a memo can give before any of the command loads, each from a one-file bundle beside
// the entry (scripts/cli-bundle.mjs):
//   - exactly `cloudid status --json`: status-fast.mjs (electron/cli/status-fast-path.ts);
//   - `cloudid clusters` without --verify: clusters-fast.mjs (electron/cli/clusters-fast-path.ts).
// False when none answered: nothing was printed, and the command runs.
export async function answeredFromMemo(argv = process.argv.slice(2)) {
  try {
    if (argv.length === 2 && argv[0] === 'status' && argv[1] === '--json') {
      const { answerStatusFromMemo } = await import(new URL('./status-fast.mjs', import.meta.url).href);
      return answerStatusFromMemo();
    }
    if (argv[0] === 'clusters' && !argv.includes('--verify')) {
      const { answerClustersFromMemo } = await import(new URL('./clusters-fast.mjs', import.meta.url).href);
      return answerClustersFromMemo(argv.slice(1));
    }
  } catch {
    // the command's own path answers, or says what is wrong
  }
  return false;
}
