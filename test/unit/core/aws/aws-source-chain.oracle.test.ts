// The linear chain resolution (aws-source-chain.ts) against the walk it replaced, kept here as the
// oracle: one profile at a time, names in a list, quadratic but plainly botocore's rules. On small
// random files (every kind of link, loop, self-reference and dead end) both must agree exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasAssumeRoleConfig, hasStaticCredentials, profileKind } from '../../../../electron/core/aws/aws-config-kind';
import { collectSections, type RawProfile } from '../../../../electron/core/aws/aws-config-sections';
import { sourceChainOf, type SourceChainContext } from '../../../../electron/core/aws/aws-source-chain';
import { parseIni } from '../../../../electron/core/aws/ini-parser';

const CONFIG = '/c';
const CREDENTIALS = '/k';

function givesCredentials(profile: RawProfile): boolean {
  const kind = profileKind(profile.values, profile.credentialsValues, true);
  if (kind === 'unknown') return false;
  if (kind === 'sso' || kind === 'sso-legacy')
    return profile.values.has('sso_account_id') || profile.values.has('sso_role_name');
  return true;
}

function oracle(
  start: RawProfile,
  ctx: SourceChainContext,
): { firstLink: RawProfile | null; end: RawProfile | null; failure: string | null } {
  const links: RawProfile[] = [];
  const names = [start.name];
  const result = (failure: string | null, end: RawProfile | null = null) => ({
    firstLink: links[0] ?? null,
    end,
    failure,
  });
  const ending = (source: RawProfile) =>
    givesCredentials(source)
      ? result(null, source)
      : result(
          `source_profile "${source.name}" has no credentials of its own (no access key, SSO account and role, process, web identity or login)`,
          source,
        );
  let parent = start;
  let sourceName = start.values.get('source_profile')?.value;
  while (sourceName !== undefined) {
    const source = ctx.profiles.get(sourceName);
    if (source === undefined) {
      const via = parent === start ? '' : ` (via ${names.join(' → ')})`;
      return result(`source_profile "${sourceName}"${via} does not exist in ${CONFIG} or ${CREDENTIALS}`);
    }
    if (names.includes(sourceName)) {
      if (sourceName === parent.name && hasStaticCredentials(source.values)) return ending(source);
      const why =
        sourceName === parent.name ? ' (a profile may name itself only when it has its own aws_access_key_id)' : '';
      return result(`source_profile loops: ${[...names, sourceName].join(' → ')}${why}`);
    }
    names.push(sourceName);
    if (hasStaticCredentials(source.values) || !hasAssumeRoleConfig(source.values)) return ending(source);
    links.push(source);
    if (source.values.has('credential_source')) return result(null);
    parent = source;
    sourceName = source.values.get('source_profile')?.value;
  }
  return result(null);
}

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const profileText = fc.record({
  role: fc.boolean(),
  source: fc.option(fc.constantFrom(...NAMES, 'gone'), { nil: undefined }),
  credentialSource: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  keys: fc.constantFrom('none', 'both', 'secret-only'),
  process: fc.boolean(),
});

describe('sourceChainOf', () => {
  it('agrees with the one-profile-at-a-time walk on every profile of random files', () => {
    fc.assert(
      fc.property(
        fc.array(profileText, { minLength: NAMES.length, maxLength: NAMES.length }),
        fc.nat(NAMES.length - 1),
        fc.boolean(),
        (specs, rotate, reverse) => {
          const text = specs
            .map((spec, i) => {
              const lines = [`[profile ${NAMES[i] ?? ''}]`];
              if (spec.role) lines.push('role_arn = arn:aws:iam::123456789012:role/R');
              if (spec.source !== undefined) lines.push(`source_profile = ${spec.source}`);
              if (spec.credentialSource) lines.push('credential_source = Environment');
              if (spec.keys === 'both') lines.push('aws_access_key_id = K', 'aws_secret_access_key = s');
              if (spec.keys === 'secret-only') lines.push('aws_secret_access_key = s');
              if (spec.process) lines.push('credential_process = /bin/true');
              return `${lines.join('\n')}\n`;
            })
            .join('');
          const raw = collectSections({ file: CONFIG, doc: parseIni(text, CONFIG) }, null);
          const ctx: SourceChainContext = {
            profiles: raw.profiles,
            configFile: CONFIG,
            credentialsFile: CREDENTIALS,
            chains: new Map(),
          };
          // In another order too: what one walk remembers must not change another's answer.
          const listed = [...raw.profiles.values()];
          const rotated = [...listed.slice(rotate), ...listed.slice(0, rotate)];
          const order = reverse ? rotated.reverse() : rotated;
          for (const profile of order) {
            const { firstLink, end, failure } = sourceChainOf(profile, ctx);
            expect({ firstLink: firstLink?.name ?? null, end: end?.name ?? null, failure }, profile.name).toEqual(
              (({ firstLink: l, end: e, failure: f }) => ({
                firstLink: l?.name ?? null,
                end: e?.name ?? null,
                failure: f,
              }))(oracle(profile, ctx)),
            );
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
