// Handlers of the AWS IAM Identity Center operations (electron/shared/contract-sso.ts).
import type { HandlersFor } from '../../shared/contract-kit';
import { ssoOperations } from '../../shared/contract-sso';
import type { HandlerContext } from './operation-handlers';

export function createSsoHandlers(_context: HandlerContext): HandlersFor<typeof ssoOperations> {
  return {};
}
