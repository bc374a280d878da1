/** Query keys of the profile page. */
export const TOKENS_KEY = ['me', 'tokens'];
export const SESSIONS_KEY = ['me', 'sessions'];
