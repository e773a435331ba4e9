import { contextBridge, ipcRenderer } from 'electron';
import { callNames, IPC_PREFIX, type Bridge } from '../shared/api';

// window.api is exactly the contract's calls, each a single invoke on its own channel.
const bridge = Object.fromEntries(
  callNames.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${name}`, input)]),
) as Bridge;

contextBridge.exposeInMainWorld('api', bridge);
