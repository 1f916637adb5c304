// The preload of every window. It exposes exactly one object, `window.pingyi`, satisfying the
// Platform API; the page gets no ipcRenderer, no Node and no other handle into the app.
//
// Bundled by build/scripts/build-node.mjs into one CommonJS file: a sandboxed preload can be
// neither an ES module nor require project files or Node built-ins, so everything imported here
// must be plain code (the build refuses any require() but 'electron').
import { contextBridge, ipcRenderer } from 'electron';
import type { PlatformApi } from '../shared/api/contract';
import { unwrapReply } from './shell/bridge-reply';
import { CALL_CHANNEL, EVENT_CHANNEL } from './shell/channels';
import { createEventFanout } from '../shared/api/event-fanout';
import { roleFromArgv } from './shell/role-arg';

const role = roleFromArgv(process.argv);
if (role === undefined) {
  // Main always passes the role; without one this is not one of our windows: expose nothing.
  throw new Error('pingyi preload: window has no role');
}

const fanout = createEventFanout();
// One listener for all events; the page's handlers are fanned out by name, so the page never
// touches the IPC event object (which carries a sender handle).
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name === 'string') fanout.emit(name, payload);
});

const api = {
  role,
  mode: 'desktop',
  async call(name, args) {
    let reply: unknown;
    try {
      reply = await ipcRenderer.invoke(CALL_CHANNEL, name, args);
    } catch (error) {
      // Only a fault in main gets here (dispatch answers every call with a Reply); the page
      // gets the same shaped rejection as for any other failure.
      console.error('pingyi: call failed in transport', error);
    }
    return unwrapReply(reply);
  },
  on(name, handler) {
    return fanout.on(name, handler as (payload: unknown) => void);
  },
  onConnection(handler) {
    // IPC to main never drops while the window exists.
    handler('open');
    return () => {};
  },
} satisfies PlatformApi;

contextBridge.exposeInMainWorld('pingyi', api);
