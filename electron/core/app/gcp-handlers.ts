// Handlers of the Google Cloud operations (electron/shared/contract-gcp.ts).
import { gcpOperations } from '../../shared/contract-gcp';
import type { HandlersFor } from '../../shared/contract-kit';
import type { HandlerContext } from './operation-handlers';

export function createGcpHandlers(_context: HandlerContext): HandlersFor<typeof gcpOperations> {
  return {};
}
