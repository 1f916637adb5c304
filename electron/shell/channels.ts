/**
 * The two IPC channels of the desktop transport. Every call of the contract travels on the one
 * call channel (the contract name is an argument), so adding a call never adds a channel; the
 * preload and main both import these names, so they cannot drift apart.
 */
export const CALL_CHANNEL = 'pingyi:call';
export const EVENT_CHANNEL = 'pingyi:event';
