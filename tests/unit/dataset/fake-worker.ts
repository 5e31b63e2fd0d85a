import { handleParseRequest } from '../../../src/dataset/parse-worker-protocol'
import type { ParseRequest, ParseResponse } from '../../../src/dataset/parse-worker-protocol'
import type { ParseWorkerLike } from '../../../src/dataset/worker-client'

type MessageListener = (event: MessageEvent<ParseResponse>) => void
type ErrorListener = (event: ErrorEvent) => void

/** Runs parse.worker.ts's handler in-process, answering on a later task like a real worker. */
export class FakeWorker implements ParseWorkerLike {
  terminated = false
  /** Every request posted to this worker. */
  readonly received: ParseRequest[] = []
  private listeners: MessageListener[] = []
  private errorListeners: ErrorListener[] = []
  constructor(private readonly behaviour: 'run' | 'hang' | 'crash' = 'run') {}

  addEventListener(type: 'message', listener: MessageListener): void
  addEventListener(type: 'error', listener: ErrorListener): void
  addEventListener(type: 'message' | 'error', listener: MessageListener | ErrorListener): void {
    if (type === 'message') this.listeners.push(listener as MessageListener)
    else this.errorListeners.push(listener as ErrorListener)
  }

  postMessage(message: ParseRequest): void {
    this.received.push(message)
    setTimeout(() => {
      if (this.terminated || this.behaviour === 'hang') return
      if (this.behaviour === 'crash') {
        for (const l of this.errorListeners) l(Object.assign(new Event('error'), { message: 'boom' }) as ErrorEvent)
        return
      }
      handleParseRequest(message, (response) => {
        if (!this.terminated)
          for (const l of this.listeners) l(new MessageEvent('message', { data: structuredClone(response) }))
      })
    }, 0)
  }

  terminate(): void {
    this.terminated = true
  }
}
