import { handleParseRequest } from './parse-worker-protocol'
import type { ParseRequest, ParseResponse } from './parse-worker-protocol'

// Typed locally so this file checks under both the DOM and the WebWorker lib.
interface ParseWorkerScope {
  postMessage(message: ParseResponse, transfer: ArrayBuffer[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void
}

const scope = self as unknown as ParseWorkerScope
scope.addEventListener('message', (event) => {
  handleParseRequest(event.data, (message, transfer) => scope.postMessage(message, transfer))
})
