import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../shared/api';
import { CALL_NAMES, IPC_PREFIX } from '../shared/call-names';

// window.api is exactly the contract's calls (their names only: the schemas stay in main), each a single invoke on its own channel.
const bridge = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${name}`, input)]),
) as Bridge;

contextBridge.exposeInMainWorld('api', bridge);
