// Filled in by the search work: the Ctrl/Cmd-K spotlight (search and jump to pages).
export function SearchSpotlight() {
  return null;
}
