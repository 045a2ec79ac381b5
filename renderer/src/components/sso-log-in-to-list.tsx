/** Listing accounts and roles needs a live session: say so, with the way to get one. */
export function LogInToList({ session, onLogIn }: { session: string; onLogIn(): void }) {
  return (
    <p>
      Log in to {session} to list its accounts and roles.{' '}
      <button type="button" className="primary" onClick={onLogIn}>
        Log in
      </button>
    </p>
  );
}
