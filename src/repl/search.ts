/**
 * Ctrl+R reverse history search (readline has none): a small state machine over the history, newest
 * first. Pure: the REPL feeds it keys and draws what it returns.
 */
export interface SearchState {
  query: string;
  /** Index into the history of the current match, or -1 for none. */
  index: number;
}

export function startSearch(): SearchState {
  return { query: '', index: -1 };
}

/** Finds the first entry at or after `from` (older) containing the query. */
function find(history: readonly string[], query: string, from: number): number {
  if (query === '') return -1;
  for (let i = Math.max(0, from); i < history.length; i++) if ((history[i] as string).includes(query)) return i;
  return -1;
}

export function typeChar(state: SearchState, history: readonly string[], text: string): SearchState {
  const query = state.query + text;
  return { query, index: find(history, query, Math.max(0, state.index)) };
}

export function backspace(state: SearchState, history: readonly string[]): SearchState {
  const query = state.query.slice(0, -1);
  return { query, index: find(history, query, 0) };
}

/** Ctrl+R again: the next older match, or stay on the current one. */
export function older(state: SearchState, history: readonly string[]): SearchState {
  const next = find(history, state.query, state.index + 1);
  return next < 0 ? state : { ...state, index: next };
}

export function matchOf(state: SearchState, history: readonly string[]): string {
  return state.index < 0 ? '' : (history[state.index] ?? '');
}
