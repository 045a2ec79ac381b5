import { describe, expect, it } from 'vitest';
import {
  AWS_STATUS_LABEL,
  clusterStatusLabel,
  GCP_STATUS_LABEL,
  inSentence,
} from '../../../electron/shared/status-words';

describe('status words', () => {
  it('reads the same in a badge and mid-sentence', () => {
    expect(AWS_STATUS_LABEL.unknown).toBe('Expiry unknown');
    expect(inSentence(AWS_STATUS_LABEL.unknown)).toBe('expiry unknown');
    expect(inSentence(GCP_STATUS_LABEL['reauth-needed'])).toBe('sign-in needed');
    expect(inSentence('')).toBe('');
  });

  it('never calls an unchecked gcloud credential valid', () => {
    expect(GCP_STATUS_LABEL.unknown).not.toMatch(/valid|signed in/i);
  });

  it("names SkyPilot's cluster statuses, and says when state.db records none", () => {
    expect(['UP', 'INIT', 'STOPPED'].map(clusterStatusLabel)).toEqual(['Up', 'Init', 'Stopped']);
    expect(clusterStatusLabel(null)).toBe('Status not recorded');
    expect(clusterStatusLabel('AUTOSTOPPING')).toBe('AUTOSTOPPING');
  });
});
