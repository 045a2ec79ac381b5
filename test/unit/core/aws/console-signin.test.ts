// The pure parts of the console sign-in: partitions, the federation endpoint and its overrides,
// the destinations `--destination` accepts, and GetFederationToken's name.
import { describe, expect, it } from 'vitest';
import { federatedUserName } from '../../../../electron/core/aws/console-credentials';
import {
  defaultDestination,
  destinationProblem,
  federationEndpoint,
  partitionOf,
  SIGNIN_HOSTS,
} from '../../../../electron/core/aws/console-signin';

describe('partitionOf', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['eu-central-2', 'aws'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-northwest-1', 'aws-cn'],
  ] as const)('%s is in %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});

describe('federationEndpoint', () => {
  it('is the partition sign-in host without a setting', () => {
    expect(federationEndpoint({}, 'aws')).toEqual({
      url: 'https://signin.aws.amazon.com/federation',
      endpoint: { host: 'signin.aws.amazon.com' },
    });
    expect(federationEndpoint({}, 'aws-us-gov').url).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint({}, 'aws-cn').url).toBe('https://signin.amazonaws.cn/federation');
    expect(SIGNIN_HOSTS).toEqual(['signin.aws.amazon.com', 'signin.amazonaws-us-gov.com', 'signin.amazonaws.cn']);
  });

  it('takes AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL, as the base, unless told to ignore them', () => {
    const specific = {
      AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:4566/base/',
      AWS_ENDPOINT_URL: 'http://localhost:9/',
    };
    expect(federationEndpoint(specific, 'aws')).toEqual({
      url: 'http://127.0.0.1:4566/base/federation',
      endpoint: { host: '127.0.0.1:4566', setting: 'AWS_ENDPOINT_URL_SIGNIN' },
    });
    expect(federationEndpoint({ AWS_ENDPOINT_URL: 'http://localhost:9' }, 'aws-cn')).toEqual({
      url: 'http://localhost:9/federation',
      endpoint: { host: 'localhost:9', setting: 'AWS_ENDPOINT_URL' },
    });
    expect(federationEndpoint({ ...specific, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' }, 'aws').url).toBe(
      'https://signin.aws.amazon.com/federation',
    );
  });
});

describe('destinations', () => {
  it('defaults to the console home of the region in its partition', () => {
    expect(defaultDestination('eu-west-1')).toBe(
      'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    );
    expect(defaultDestination('us-gov-east-1')).toBe(
      'https://us-gov-east-1.console.amazonaws-us-gov.com/console/home?region=us-gov-east-1',
    );
  });

  it.each([
    ['https://console.aws.amazon.com/', 'aws', null],
    ['https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:', 'aws', null],
    ['https://console.amazonaws-us-gov.com/s3', 'aws-us-gov', null],
    [
      'https://console.aws.amazon.com/',
      'aws-cn',
      'the destination must be a page of the aws-cn console (console.amazonaws.cn)',
    ],
    [
      'https://console.aws.amazon.com.evil.example/',
      'aws',
      'the destination must be a page of the aws console (console.aws.amazon.com)',
    ],
    [
      'https://evilconsole.aws.amazon.com/',
      'aws',
      'the destination must be a page of the aws console (console.aws.amazon.com)',
    ],
    ['https://user@console.aws.amazon.com/', 'aws', 'the destination must not name a user, password or port'],
    ['https://console.aws.amazon.com:444/', 'aws', 'the destination must not name a user, password or port'],
    ['javascript:alert(1)', 'aws', 'the destination must be an https URL'],
    ['s3/home', 'aws', 'the destination is not a URL'],
  ] as const)('%s in %s: %s', (url, partition, problem) => {
    expect(destinationProblem(url, partition)).toBe(problem);
  });
});

describe('federatedUserName', () => {
  it.each([
    ['arn:aws:iam::111122223333:user/dev', 'dev'],
    ['arn:aws:iam::111122223333:user/team/alice.smith@example.com', 'alice.smith@example.com'],
    ['arn:aws:iam::111122223333:user/a-very-long-user-name-that-goes-past-32', 'a-very-long-user-name-that-goes-'],
    ['arn:aws:iam::111122223333:root', 'root'],
    ['arn:aws:iam::111122223333:user/x', 'cloudid'],
    ['', 'cloudid'],
  ])('%s → %s', (arn, name) => {
    expect(federatedUserName(arn)).toBe(name);
  });
});
