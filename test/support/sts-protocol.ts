// STS's query-protocol answers: the XML shapes and error envelope AWS sends, in the 2011-06-15
// namespace. https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

/** Escapes element text (AWS leaves quotes as they are there). */
export const escapeXml = (value: string): string =>
  value.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);

export function errorXml(error: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}">\n` +
    `  <Error>\n    <Type>${error.type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

export function resultXml(action: string, result: string, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">\n  <${action}Result>\n${result}  </${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`
  );
}

/** STS's ISO 8601 form: seconds, no milliseconds. */
export const stsTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
export const amzDateOf = (date: Date): string => stsTimestamp(date).replace(/[-:]/g, '');
