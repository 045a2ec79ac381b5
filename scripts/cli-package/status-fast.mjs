// For exactly `cloudid status --json`: the memo's answer (electron/cli/status-fast-path.ts), from
// status-fast.mjs, a one-file bundle beside the entry (scripts/cli-bundle.mjs), before any of the
// command loads. False when it did not answer: nothing was printed, and the command runs.
export async function answeredFromMemo(argv = process.argv.slice(2)) {
  if (argv.length !== 2 || argv[0] !== 'status' || argv[1] !== '--json') return false;
  try {
    const { answerStatusFromMemo } = await import(new URL('./status-fast.mjs', import.meta.url).href);
    return answerStatusFromMemo();
  } catch {
    return false; // the command's own path answers, or says what is wrong
  }
}
